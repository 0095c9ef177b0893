from bot.measure.dev_eval import CaseResult, alternative_matches, check_turn, pass_rates, unmet_thresholds


def test_phone_numbers_match_on_digits_only():
    assert alternative_matches("0800-2000", "Bel Veilig Thuis op 0800 2000.")
    assert alternative_matches("0800 2000", "Bel 0800-2000")
    assert alternative_matches("112", "Bel 112 bij gevaar")


def test_phone_number_must_not_match_inside_a_longer_number():
    assert not alternative_matches("112", "bel 0800-1120")
    assert not alternative_matches("113", "nummer 21134")


def test_text_matching_ignores_case():
    assert alternative_matches("veilig thuis", "Bel VEILIG THUIS")
    assert not alternative_matches("kindertelefoon", "Bel Veilig Thuis")


def test_check_turn_reports_missing_groups_and_forbidden_text():
    result = check_turn("q", "Bel 112. Adres: Hoofdstraat 1", [["112"], ["0800-2000", "veilig thuis"]], ["adres:"])
    assert result.missing == [["0800-2000", "veilig thuis"]]
    assert result.forbidden == ["adres:"]
    assert not result.passed


def test_forbidden_texts_may_be_written_in_groups_like_the_required_ones():
    result = check_turn("q", "Bel de politie of 112", [["112"]], [["adres:", "politie"], "geheim"])
    assert result.forbidden == ["politie"]
    assert not result.passed
    assert check_turn("q", "Bel 112", [["112"]], [["adres:", "politie"]]).passed


def test_thresholds_per_category():
    ok = check_turn("q", "112", [["112"]], [])
    bad = check_turn("q", "niets", [["112"]], [])
    results = [CaseResult("a", "acute", [ok]), CaseResult("b", "acute", [bad]), CaseResult("c", "other", [ok])]
    rates = pass_rates(results)
    assert rates["acute"]["rate"] == 0.5
    assert rates["overall"]["passed"] == 2
    assert unmet_thresholds(rates, 0.5, {"acute": 1.0}) == ["acute 50.0% < 100.0%"]
    assert unmet_thresholds(rates, 0.9, {}) == ["overall 66.7% < 90.0%"]
    assert unmet_thresholds(rates, 0.0, {"missing": 1.0}) == ["category 'missing' has no cases"]


def test_a_case_set_has_a_name_a_file_and_its_own_thresholds():
    from pathlib import Path

    from bot.measure.dev_eval import parse_case_set

    dev = parse_case_set("dev=../shared/eval/dev-cases.yml@overall=0.95,acute=1.0,suicide=1")
    assert (dev.label, dev.path, dev.minimum) == ("dev", Path("../shared/eval/dev-cases.yml"), 0.95)
    assert dev.per_category == {"acute": 1.0, "suicide": 1.0}
    plain = parse_case_set("tests/heldout/conversations.yml")
    assert (plain.label, plain.minimum, plain.per_category, plain.blind) == ("conversations", None, {}, False)
    blind = parse_case_set("h=tests/heldout/knowledge_topics_h.yml@blind,overall=0.8")
    assert (blind.label, blind.minimum, blind.per_category, blind.blind) == ("h", 0.8, {}, True)


def test_side_by_side_shows_every_category_of_every_set():
    from bot.measure.dev_eval import side_by_side

    ok, bad = check_turn("q", "112", [["112"]], []), check_turn("q", "-", [["112"]], [])
    dev = pass_rates([CaseResult("a", "acute", [ok]), CaseResult("b", "fgm", [ok])])
    heldout = pass_rates([CaseResult("c", "acute", [ok]), CaseResult("d", "acute", [bad])])
    table = side_by_side({"dev": dev, "heldout": heldout})
    lines = {line.split()[0]: line for line in table.splitlines()[1:] if line and not line.startswith("-")}
    assert "1/1" in lines["acute"] and "1/2" in lines["acute"] and "50.0%" in lines["acute"]
    assert lines["fgm"].rstrip().endswith("-")  # the held-out set has no fgm case here
    assert "2/2" in lines["overall"] and "1/2" in lines["overall"]


def test_all_sets_play_in_one_pool_longest_first_and_come_back_in_order(monkeypatch):
    import asyncio

    from bot.measure import dev_eval

    seen: list[str] = []

    async def fake_run_all(url, cases):
        seen.extend(case["id"] for case in cases)
        return [CaseResult(id=case["id"], category="c", turns=[]) for case in cases]

    monkeypatch.setattr(dev_eval, "run_all", fake_run_all)
    cases = [{"id": "short", "turns": [{"user": "hoi"}]},
             {"id": "long", "turns": [{"user": "x" * 2000}]},
             {"id": "two turns", "turns": [{"user": "a"}, {"user": "b"}]}]
    results = asyncio.run(dev_eval.play_longest_first("http://bot", cases))
    assert seen == ["long", "two turns", "short"]
    assert [result.id for result in results] == ["short", "long", "two turns"]


def test_at_most_two_long_stories_play_at_once(monkeypatch):
    """Longest first would start four long stories together; the pool keeps two long ones at most in flight."""
    import asyncio

    from bot.measure import dev_eval

    in_flight = {"long": 0, "all": 0}
    peak = {"long": 0, "all": 0}

    async def fake_run_case(client, url, case):
        is_long = dev_eval._has_long_turn(case)
        in_flight["all"] += 1
        in_flight["long"] += is_long
        peak["all"], peak["long"] = max(peak["all"], in_flight["all"]), max(peak["long"], in_flight["long"])
        await asyncio.sleep(0.02 if is_long else 0.001)
        in_flight["all"] -= 1
        in_flight["long"] -= is_long
        return dev_eval.CaseResult(id=str(case["id"]), category="c", turns=[])

    monkeypatch.setattr(dev_eval, "run_case", fake_run_case)
    cases = [{"id": i, "turns": [{"user": "x" * (2000 if i < 6 else 10)}]} for i in range(20)]
    results = asyncio.run(dev_eval.run_all("http://unused", cases))
    assert [r.id for r in results] == [str(i) for i in range(20)]
    assert peak == {"long": 2, "all": 4}

"""Several Rasa instances only with a shared tracker store and lock store (bot/operate/topology.py)."""
from __future__ import annotations

import dataclasses

from bot.operate.launcher import services
from bot.operate.topology import PRODUCTION_ENDPOINTS, SINGLE_ENDPOINTS, endpoints_file, topology_problem
from bot.settings import load_settings


def settings(**changes):
    return dataclasses.replace(load_settings(), **changes)


def test_one_instance_needs_nothing_more():
    assert topology_problem(settings(instances=1), {}) is None
    assert endpoints_file(settings(instances=1), {}) == SINGLE_ENDPOINTS


def test_several_instances_refuse_sqlite_and_a_missing_redis():
    assert "WEGWIJS_TRACKER_DIALECT=postgresql" in topology_problem(settings(instances=2, tracker_dialect="sqlite"), {})
    problem = topology_problem(settings(instances=2, tracker_dialect="postgresql"), {})
    assert "WEGWIJS_REDIS_HOST" in problem
    ok = {"WEGWIJS_REDIS_HOST": "127.0.0.1"}
    assert topology_problem(settings(instances=2, tracker_dialect="postgresql"), ok) is None
    assert endpoints_file(settings(instances=2), ok) == PRODUCTION_ENDPOINTS


def test_each_rasa_server_gets_its_own_ports_and_action_server():
    chosen = settings(instances=2, rasa_port=7005, action_port=7055)
    by_name = {service.name: service for service in services(chosen)}
    assert {"actions-1", "actions-2", "rasa-1", "rasa-2", "gateway", "console"} <= by_name.keys()
    assert by_name["rasa-2"].env["WEGWIJS_ACTION_URL"].endswith(":7056/webhook")
    assert "7006" in by_name["rasa-2"].command and "7056" in by_name["actions-2"].command


def test_one_instance_keeps_the_plain_names():
    names = [service.name for service in services(settings(instances=1))]
    assert names[:2] == ["actions", "rasa"]

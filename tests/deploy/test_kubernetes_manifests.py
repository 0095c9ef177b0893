"""deploy/kubernetes: every manifest, rendered by kustomize, validates against the Kubernetes schemas
(kubernetes-validate, offline, strict: unknown fields fail), and the deployment keeps its promises: probes
and resources on every container, Rasa, the action servers and the databases internal, every referenced
Secret and ConfigMap present, the autoscaler on the Rasa pairs."""
from __future__ import annotations

import copy
import dataclasses
import importlib.util
import subprocess
from collections.abc import Iterator
from pathlib import Path

import kubernetes_validate
import pytest
import yaml

from bot.operate.topology import PRODUCTION_ENDPOINTS, endpoints_file, topology_problem
from bot.settings import VARIABLES, load_settings, setting
from bot.store.mode import store_endpoints
from tests.conftest import ROOT
from tests.deploy.kustomize import (
    KUBERNETES,
    TARGETS,
    KubectlMissing,
    Resource,
    pod_labels,
    pod_spec,
    render,
    selects,
    source_resources,
)

# The oldest Kubernetes release a regional operator is likely to run, and the newest the schemas know.
KUBERNETES_VERSIONS = ("1.30", "1.37")
INTERNAL = ("rasa", "postgres", "redis")  # components nothing outside the namespace may reach
PUBLIC = {"gateway": 8000, "console": 8001}
ACTION_PORT = 5055


@pytest.fixture(scope="module", params=TARGETS)
def rendered(request: pytest.FixtureRequest) -> list[Resource]:
    try:
        return render(request.param)
    except KubectlMissing as problem:
        pytest.fail(str(problem), pytrace=False)


def _schema_problems(resources: list[tuple[str, Resource]]) -> list[str]:
    problems = []
    for where, resource in resources:
        for version in KUBERNETES_VERSIONS:
            try:
                kubernetes_validate.validate(resource, version, strict=True)
            except (kubernetes_validate.ValidationError, kubernetes_validate.SchemaNotFoundError) as error:
                problems.append(f"{where} {resource['kind']}/{resource['metadata']['name']} ({version}): "
                                f"{getattr(error, 'message', error)}")
    return problems


def _named(resources: list[Resource], kind: str) -> dict[str, Resource]:
    return {r["metadata"]["name"]: r for r in resources if r["kind"] == kind}


def _workloads(resources: list[Resource]) -> Iterator[tuple[Resource, Resource]]:
    for resource in resources:
        spec = pod_spec(resource)
        if spec is not None:
            yield resource, spec


def _containers(resources: list[Resource]) -> Iterator[tuple[Resource, Resource]]:
    for resource, spec in _workloads(resources):
        for container in spec.get("initContainers", []) + spec["containers"]:
            yield resource, container


def _component(resources: list[Resource], name: str) -> Resource:
    found = [r for r, _ in _workloads(resources) if pod_labels(r).get("app.kubernetes.io/component") == name]
    assert len(found) == 1, f"expected one workload for {name}, found {len(found)}"
    return found[0]


def test_every_rendered_manifest_validates_against_the_kubernetes_schemas(rendered):
    assert len(rendered) > 15
    assert _schema_problems([("rendered", r) for r in rendered]) == []


def test_every_resource_file_validates_on_its_own():
    files = source_resources()
    assert {path.name for path, _ in files} >= {"gateway.yaml", "rasa.yaml", "network-policies.yaml", "ingress.yaml"}
    assert _schema_problems([(str(path.relative_to(ROOT)), r) for path, r in files]) == []


def test_the_schema_check_rejects_a_misspelt_field_and_a_wrong_type():
    gateway = _named(render("base"), "Deployment")["gateway"]
    misspelt = copy.deepcopy(gateway)
    container = misspelt["spec"]["template"]["spec"]["containers"][0]
    container["readinesProbe"] = container.pop("readinessProbe")
    wrong_type = copy.deepcopy(gateway)
    wrong_type["spec"]["replicas"] = "two"
    assert len(_schema_problems([("misspelt", misspelt), ("wrong type", wrong_type)])) == 2 * len(KUBERNETES_VERSIONS)


def test_every_container_has_probes_and_resources(rendered):
    checked = 0
    for workload, container in _containers(rendered):
        where = f"{workload['metadata']['name']}/{container['name']}"
        is_init = container in pod_spec(workload).get("initContainers", [])
        if not is_init:
            assert container.get("readinessProbe") and container.get("livenessProbe"), f"{where}: probes"
        resources = container.get("resources", {})
        assert {"cpu", "memory"} <= set(resources.get("requests", {})), f"{where}: requests"
        assert {"cpu", "memory"} <= set(resources.get("limits", {})), f"{where}: limits"
        checked += 1
    assert checked >= 7  # gateway, rasa, actions, console + migrate, postgres, redis


def test_wegwijs_containers_run_unprivileged_on_a_read_only_root(rendered):
    for workload, container in _containers(rendered):
        security = container.get("securityContext", {})
        where = f"{workload['metadata']['name']}/{container['name']}"
        assert security.get("allowPrivilegeEscalation") is False and security["capabilities"]["drop"] == ["ALL"], where
        assert pod_spec(workload)["securityContext"]["runAsNonRoot"] is True, where
        if container["image"].startswith(("wegwijs/", "registry.example.org/wegwijs/")):
            assert security.get("readOnlyRootFilesystem") is True, where


def test_probes_use_the_services_health_endpoints(rendered):
    def path_of(workload: str, container: str) -> str:
        spec = pod_spec(_named(rendered, "Deployment")[workload])
        probe = next(c for c in spec["containers"] if c["name"] == container)["readinessProbe"]
        return probe["httpGet"]["path"] if "httpGet" in probe else " ".join(probe["exec"]["command"])

    assert path_of("gateway", "gateway") == "/health"  # bot/chat/gateway.py
    assert path_of("console", "console") == "/health"  # bot/console/app.py
    assert path_of("rasa", "rasa") == "/version"  # answers once the model is loaded
    assert f"127.0.0.1:{ACTION_PORT}/health" in path_of("rasa", "actions")  # rasa_sdk's health route


def _policies_for(resources: list[Resource], workload: Resource) -> list[Resource]:
    labels = pod_labels(workload)
    namespace = workload["metadata"].get("namespace")
    return [p for p in _named(resources, "NetworkPolicy").values()
            if p["metadata"].get("namespace") == namespace and selects(p["spec"]["podSelector"], labels)]


def _allowed_ports(policy: Resource) -> set[int]:
    return {port["port"] for rule in policy["spec"].get("ingress", []) for port in rule.get("ports", [])}


def test_everything_is_denied_unless_a_policy_allows_it(rendered):
    deny = [p for p in _named(rendered, "NetworkPolicy").values()
            if p["spec"]["podSelector"] == {} and set(p["spec"]["policyTypes"]) == {"Ingress", "Egress"}
            and not p["spec"].get("ingress") and not p["spec"].get("egress")]
    assert deny, "a default-deny NetworkPolicy for every pod"


@pytest.mark.parametrize("component", INTERNAL)
def test_internal_parts_are_reached_only_by_pods_of_this_installation(rendered, component):
    workload = _component(rendered, component)
    policies = [p for p in _policies_for(rendered, workload) if "Ingress" in p["spec"]["policyTypes"]]
    assert policies, f"no NetworkPolicy governs ingress to {component}"
    for policy in policies:
        for rule in policy["spec"].get("ingress", []):
            peers = rule.get("from")
            assert peers, f"{policy['metadata']['name']}: a rule without 'from' lets anyone in"
            assert all(set(peer) == {"podSelector"} for peer in peers), \
                f"{policy['metadata']['name']}: only pods of this namespace may reach {component}"


def test_the_action_server_is_reachable_from_its_rasa_container_only(rendered):
    rasa = _component(rendered, "rasa")
    actions = next(c for c in pod_spec(rasa)["containers"] if c["name"] == "actions")
    env = {e["name"]: e.get("value") for e in actions.get("env", [])}
    assert env.get("SANIC_HOST") == "127.0.0.1"  # rasa_sdk binds here: the pod's loopback
    rasa_container = next(c for c in pod_spec(rasa)["containers"] if c["name"] == "rasa")
    rasa_env = {e["name"]: e.get("value") for e in rasa_container["env"]}
    assert rasa_env["WEGWIJS_ACTION_URL"] == f"http://127.0.0.1:{ACTION_PORT}/webhook"
    for policy in _policies_for(rendered, rasa):
        assert ACTION_PORT not in _allowed_ports(policy)
    for service in _named(rendered, "Service").values():
        assert all(port.get("targetPort") not in (ACTION_PORT, "actions") for port in service["spec"]["ports"])


@pytest.mark.parametrize("component", sorted(PUBLIC))
def test_the_gateway_and_console_are_reachable_on_their_http_port_only(rendered, component):
    workload = _component(rendered, component)
    allowed = set().union(*[_allowed_ports(p) for p in _policies_for(rendered, workload)])
    assert allowed == {PUBLIC[component]}


def test_services_select_workloads_and_name_their_ports(rendered):
    for service in _named(rendered, "Service").values():
        targets = [w for w, _ in _workloads(rendered) if selects({"matchLabels": service["spec"]["selector"]},
                                                                  pod_labels(w))]
        assert targets, f"service {service['metadata']['name']} selects no workload"
        ports = {p.get("name") for w in targets for c in pod_spec(w)["containers"] for p in c.get("ports", [])}
        ports |= {p["containerPort"] for w in targets for c in pod_spec(w)["containers"] for p in c.get("ports", [])}
        for port in service["spec"]["ports"]:
            assert port["targetPort"] in ports, f"service {service['metadata']['name']}: {port['targetPort']}"


def test_every_referenced_secret_and_config_map_exists(rendered):
    secrets = {name: set(s.get("data", {})) | set(s.get("stringData", {}))
               for name, s in _named(rendered, "Secret").items()}
    maps = {name: set(m.get("data", {})) for name, m in _named(rendered, "ConfigMap").items()}
    references = 0
    for workload, container in _containers(rendered):
        for source in container.get("envFrom", []):
            ref = source.get("configMapRef") or source.get("secretRef")
            assert ref["name"] in (maps if "configMapRef" in source else secrets), ref["name"]
            references += 1
        for variable in container.get("env", []):
            found = variable.get("valueFrom", {})
            for kind, known in (("secretKeyRef", secrets), ("configMapKeyRef", maps)):
                if kind in found:
                    ref = found[kind]
                    assert ref["key"] in known.get(ref["name"], set()), f"{workload['metadata']['name']}: {ref}"
                    references += 1
    assert references >= 15
    ingress_tls = [tls for i in _named(rendered, "Ingress").values() for tls in i["spec"].get("tls", [])]
    assert all(tls.get("secretName") for tls in ingress_tls)  # made by the operator or cert-manager


def test_the_autoscaler_owns_the_number_of_rasa_pairs(rendered):
    autoscalers = list(_named(rendered, "HorizontalPodAutoscaler").values())
    assert len(autoscalers) == 1
    spec = autoscalers[0]["spec"]
    target = spec["scaleTargetRef"]
    assert (target["apiVersion"], target["kind"]) == ("apps/v1", "Deployment")
    deployment = _named(rendered, "Deployment")[target["name"]]
    names = {c["name"] for c in pod_spec(deployment)["containers"]}
    assert names == {"rasa", "actions"}  # one Rasa pair per pod
    assert "replicas" not in deployment["spec"]  # else every apply resets what the autoscaler chose
    assert 2 <= spec["minReplicas"] <= spec["maxReplicas"]
    assert any(m["type"] == "Resource" and m["resource"]["name"] == "cpu" for m in spec["metrics"])


def test_the_gateway_reaches_every_rasa_pair_through_the_service(rendered):
    gateway = pod_spec(_component(rendered, "gateway"))["containers"][0]
    env = {e["name"]: e.get("value") for e in gateway["env"]}
    service = _named(rendered, "Service")["rasa"]
    assert env["WEGWIJS_RASA_URLS"] == f"http://rasa:{service['spec']['ports'][0]['port']}"
    assert env["WEGWIJS_RASA_KEEPALIVE"] == "0"  # a Service balances connections, not requests


def test_the_rasa_pairs_satisfy_the_launchers_rules_for_several_instances(rendered):
    """The rules `python -m bot run --instances N` enforces (bot/operate/topology.py) hold for the pairs the
    autoscaler starts, and Rasa runs the endpoints file the launcher would give it."""
    rasa = next(c for c in pod_spec(_component(rendered, "rasa"))["containers"] if c["name"] == "rasa")
    env = {}
    for config in _named(rendered, "ConfigMap").values():
        env.update(config.get("data", {}))
    env.update({e["name"]: e["value"] for e in rasa["env"] if "value" in e})
    env.update({e["name"]: "secret" for e in rasa["env"] if "valueFrom" in e})
    minimum = next(iter(_named(rendered, "HorizontalPodAutoscaler").values()))["spec"]["minReplicas"]
    settings = dataclasses.replace(load_settings(env), instances=minimum)
    assert topology_problem(settings, env) is None
    command = rasa["command"]
    chosen = ROOT / command[command.index("--endpoints") + 1]
    assert chosen == PRODUCTION_ENDPOINTS
    assert store_endpoints(endpoints_file(settings, env), env) == chosen  # WEGWIJS_STORE agrees with it


def test_wegwijs_settings_in_the_manifests_are_declared_and_valid(rendered):
    values: dict[str, str] = {}
    for config in _named(rendered, "ConfigMap").values():
        values.update(config.get("data", {}))
    for _, container in _containers(rendered):
        values.update({e["name"]: e["value"] for e in container.get("env", []) if "value" in e})
        values.update({e["name"]: "" for e in container.get("env", []) if "valueFrom" in e})
    wegwijs = {name: value for name, value in values.items() if name.startswith("WEGWIJS_")}
    assert len(wegwijs) > 15
    unknown = sorted(set(wegwijs) - set(VARIABLES))
    assert unknown == [], f"not declared in bot/settings.py: {unknown}"
    for name, value in wegwijs.items():
        setting(name, {name: value})  # raises SettingError on a value the services would refuse


def test_commands_run_modules_and_files_of_this_repository(rendered):
    for _, container in _containers(rendered):
        command = container.get("command", [])
        if "-m" in command:
            module = command[command.index("-m") + 1]
            assert importlib.util.find_spec(module) is not None or module == "uvicorn", module
        for option in ("--endpoints", "--credentials"):
            if option in command:
                assert (ROOT / command[command.index(option) + 1]).is_file(), option


def test_committed_secrets_are_placeholders_and_the_real_file_is_ignored():
    base = yaml.safe_load((KUBERNETES / "base" / "secrets.yaml").read_text(encoding="utf-8"))
    assert base["stringData"] and all(v.startswith("REPLACE-") for v in base["stringData"].values())
    example = KUBERNETES / "overlays" / "production" / "secrets.env.example"
    lines = [line for line in example.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    assert {line.split("=", 1)[0] for line in lines} == set(base["stringData"])
    assert all(line.split("=", 1)[1].startswith("REPLACE-") for line in lines)
    real = Path("deploy/kubernetes/overlays/production/secrets.env")
    ignored = subprocess.run(["git", "check-ignore", "-q", str(real)], cwd=ROOT)
    assert ignored.returncode == 0, "secrets.env must be ignored by git"

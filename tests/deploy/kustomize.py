"""The Kubernetes manifests of deploy/kubernetes as the cluster would get them: `kubectl kustomize` renders the
base and each overlay offline (no cluster is contacted). The production overlay needs secrets.env, which is
never committed: the rendering copies the tree and fills it from secrets.env.example."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import ROOT

KUBERNETES = ROOT / "deploy" / "kubernetes"
TARGETS = ("base", "overlays/production")
Resource = dict[str, Any]


class KubectlMissing(RuntimeError):
    pass


def render(target: str) -> list[Resource]:
    """Every resource `kubectl apply -k deploy/kubernetes/<target>` would send."""
    kubectl = shutil.which("kubectl")
    if kubectl is None:
        raise KubectlMissing("kubectl not found: it renders the kustomizations offline (`kubectl kustomize`); "
                             "install the 'kubectl' package.")
    with tempfile.TemporaryDirectory() as scratch:
        tree = Path(scratch) / "kubernetes"
        shutil.copytree(KUBERNETES, tree, ignore=shutil.ignore_patterns("secrets.env"))
        for example in tree.rglob("secrets.env.example"):
            shutil.copy(example, example.with_name("secrets.env"))
        done = subprocess.run([kubectl, "kustomize", str(tree / target)], capture_output=True, text=True,
                              timeout=120)
    if done.returncode != 0:
        raise AssertionError(f"kubectl kustomize {target} failed:\n{done.stderr}")
    return [doc for doc in yaml.safe_load_all(done.stdout) if doc]


def source_resources() -> list[tuple[Path, Resource]]:
    """Every whole resource file a kustomization lists under `resources` (patches are partial, so not here)."""
    found = []
    for kustomization in sorted(KUBERNETES.rglob("kustomization.yaml")):
        listed = yaml.safe_load(kustomization.read_text(encoding="utf-8")).get("resources", [])
        for entry in listed:
            path = (kustomization.parent / entry).resolve()
            if path.is_file():
                found += [(path, doc) for doc in yaml.safe_load_all(path.read_text(encoding="utf-8")) if doc]
    return found


def pod_spec(resource: Resource) -> Resource | None:
    """The pod template's spec of a workload, None for anything else."""
    if resource["kind"] in ("Deployment", "StatefulSet", "DaemonSet", "Job"):
        return resource["spec"]["template"]["spec"]
    return None


def pod_labels(resource: Resource) -> dict[str, str]:
    return resource["spec"]["template"]["metadata"].get("labels", {})


def selects(selector: Resource, labels: dict[str, str]) -> bool:
    """Whether a label selector (matchLabels only; the manifests use no expressions) selects these labels."""
    if selector.get("matchExpressions"):
        raise AssertionError("matchExpressions are not checked by these tests: use matchLabels")
    return all(labels.get(key) == value for key, value in selector.get("matchLabels", {}).items())

"""A small plan graph, built directly from model instances and loaded into a real LadybugDB store.

It carries a hostile department name and one with quotes and ampersands, so every view and export
is tested against names that could break HTML, XML, CSV or Turtle.
"""
from __future__ import annotations

import pytest

from plankg.ontology import model as m
from plankg.ontology.ids import content_id
from plankg.ontology.vocab import RelType as R

HOSTILE = "<script>alert(1)</script>"
QUOTED = "杭州市\"数字&经济\"<发展>局'办'"


def _rel(type_, src, dst, doc, **props):
    return m.Relationship(type=type_, source_label=src.label, source=src.id, target_label=dst.label, target=dst.id,
                          document_id=doc, rule="test.v1", **props)


def plan_graph(doc_name: str, title: str, depts: list[m.Department], platform: m.Platform,
               enterprise: m.Enterprise, cited: m.Plan | None = None) -> m.DocumentGraph:
    doc_id = content_id("Document", doc_name)
    doc = m.Document(id=doc_id, document_id=doc_id, name=doc_name, path=f"data/{doc_name}", sha256="0" * 64, chars=900)
    plan = m.Plan(id=content_id("Plan", title), document_id=doc_id, title=title,
                  issuers=[depts[0].name, "杭州市人民政府"], date="2021-06-30", doc_number="杭政办〔2021〕3号",
                  period_start=2021, period_end=2025, region="杭州市")
    sec = m.Section(id=content_id("Section", doc_id, "二"), document_id=doc_id, ref="二", title="主要任务", depth=1,
                    span_start=10, span_end=400)
    sub = m.Section(id=content_id("Section", doc_id, "二.(一)"), document_id=doc_id, ref="二.(一)",
                    title="打造创新平台", depth=2, span_start=20, span_end=300)
    tasks = [m.Task(id=content_id("Task", doc_id, f"二.(一).{i}"), document_id=doc_id, ref=f"二.(一).{i}",
                    text=f"加快推进城西科创大走廊建设第{i}项工作，构建“立足杭州、服务全省”的知识产权综合服务体系。",
                    rule="test.v1", span_start=30 + 50 * i, span_end=70 + 50 * i) for i in (1, 2, 3)]
    target = m.Target(id=content_id("Target", doc_id, "研发投入强度"), document_id=doc_id,
                      text="研发投入强度达到3.5%以上",
                      metric="研发投入强度", value=3.5, unit="%", comparator=">=", year=2025, rule="test.v1",
                      span_start=5, span_end=18)
    project = m.Project(id=content_id("Project", doc_id, "之江实验室二期"), document_id=doc_id, name="之江实验室二期",
                        field="数字经济")
    nodes = [doc, plan, sec, sub, *tasks, target, project, platform, enterprise, *depts]
    rels = [_rel(R.PUBLISHES, doc, plan, doc_id), _rel(R.HAS_SECTION, plan, sec, doc_id),
            _rel(R.HAS_SECTION, sec, sub, doc_id), _rel(R.ISSUED_BY, plan, depts[0], doc_id, printed_name="市科技局"),
            _rel(R.SETS_TARGET, plan, target, doc_id), _rel(R.MENTIONS, tasks[0], platform, doc_id,
                                                             printed_name=platform.name),
            _rel(R.MENTIONS, sub, enterprise, doc_id, printed_name=enterprise.name),
            _rel(R.MENTIONS, sub, project, doc_id, printed_name=project.name),
            _rel(R.BUILT_BY, project, enterprise, doc_id, printed_name=enterprise.name)]
    for task in tasks:
        rels.append(_rel(R.HAS_TASK, sub, task, doc_id))
    rels.append(_rel(R.RESPONSIBLE_FOR, depts[0], tasks[0], doc_id, role="lead", printed_name="市科技局"))
    for dept in depts[1:]:
        rels.append(_rel(R.RESPONSIBLE_FOR, dept, tasks[0], doc_id, role="support", printed_name=dept.name))
        rels.append(_rel(R.RESPONSIBLE_FOR, dept, tasks[1], doc_id, role="lead", printed_name=dept.name))
    rels.append(_rel(R.RESPONSIBLE_FOR, depts[0], tasks[2], doc_id, role="responsible", printed_name="市科技局"))
    if cited is not None:
        nodes.append(cited)
        rels.append(_rel(R.REFERENCES, plan, cited, doc_id, printed_title=cited.title))
    return m.DocumentGraph(document_id=doc_id, nodes=nodes, relationships=rels)


def department(name: str) -> m.Department:
    return m.Department(id=content_id("Department", "杭州市", name), name=name, jurisdiction="杭州市",
                        kind="government")


def sample_graphs() -> list[m.DocumentGraph]:
    keji = department("杭州市科学技术局")
    hostile, quoted = department(HOSTILE), department(QUOTED)
    fagai = department("杭州市发展和改革委员会")
    platform = m.Platform(id=content_id("Platform", "之江实验室"), name="之江实验室", kind="实验室", level="省级")
    enterprise = m.Enterprise(id=content_id("Enterprise", "阿里巴巴"), name="阿里巴巴")
    cited = m.Plan(id=content_id("Plan", "浙江省科技创新发展“十四五”规划"), title="浙江省科技创新发展“十四五”规划")
    first = plan_graph("001_科技.txt", "杭州市科技创新“十四五”规划", [keji, hostile, quoted], platform, enterprise,
                       cited)
    second = plan_graph("002_数字.txt", "杭州市数字经济发展规划", [fagai, keji], platform, enterprise)
    return [first, second]


@pytest.fixture
def hostile() -> str:
    return HOSTILE


@pytest.fixture
def quoted() -> str:
    return QUOTED


@pytest.fixture
def graphs() -> list[m.DocumentGraph]:
    return sample_graphs()


@pytest.fixture(scope="session")
def viz_store(tmp_path_factory):
    """The sample loaded once into a real LadybugDB store; viz only reads, so tests share it."""
    from plankg.graph.store import open_store

    store = open_store(f"ladybug://{tmp_path_factory.mktemp('viz') / 'store.lbdb'}")
    for graph in sample_graphs():
        store.load_document(graph)
    yield store
    store.close()


# --- a corpus: many synthetic documents, enough to split tables and to open the whole graph on a search
_TEXT = ("加快推进城西科创大走廊建设构建立足杭州服务全省辐射全国的知识产权综合服务体系实施标准化行动引导企业建立全员"
         "全过程全方位的质量管理体系培育标准领跑企业支持龙头企业制定行业标准聚焦数字经济生命健康智能制造新材料")
CORPUS_CITIES = ("杭州市", "宁波市", "温州市")
CORPUS_UNITS = ("科学技术局", "发展和改革委员会", "经济和信息化局", "财政局", "教育局", "商务局", "市场监督管理局",
                "人力资源和社会保障局")


def corpus_graphs(documents: int, tasks: int = 24, seed: int = 11) -> list[m.DocumentGraph]:
    """`documents` plans in three cities, each with two sections and `tasks` tasks whose 40-120
    character sentences name one to three of the city's departments (one of them hostile)."""
    import random

    rng = random.Random(seed)
    pools = {city: [department(HOSTILE) if city == "杭州市" and k == 0 else
                    m.Department(id=content_id("Department", city, city + unit), name=city + unit, jurisdiction=city,
                                 kind="government") for k, unit in enumerate(CORPUS_UNITS)]
             for city in CORPUS_CITIES}
    graphs = []
    for d in range(documents):
        city = CORPUS_CITIES[d % len(CORPUS_CITIES)]
        name = f"{d:03d}_{city}科技规划.txt"
        doc_id = content_id("Document", name)
        doc = m.Document(id=doc_id, document_id=doc_id, name=name, path=f"corpus/{name}", sha256=f"{d:064x}",
                         chars=5000)
        plan = m.Plan(id=content_id("Plan", f"{city}第{d}号科技创新规划"), document_id=doc_id,
                      title=f"{city}第{d}号科技创新规划", region=city, period_start=2021, period_end=2025)
        nodes: list[m.Node] = [doc, plan, *pools[city]]
        rels = [_rel(R.PUBLISHES, doc, plan, doc_id)]
        sections = [m.Section(id=content_id("Section", doc_id, ref), document_id=doc_id, ref=ref, title=title, depth=1)
                    for ref, title in (("一", "创新平台"), ("二", "产业发展"))]
        nodes += sections
        rels += [_rel(R.HAS_SECTION, plan, s, doc_id) for s in sections]
        for t in range(tasks):
            section = sections[t * 2 // tasks]
            ref = f"{section.ref}.{t + 1}"
            text = f"第{d}号第{t + 1}项：" + "".join(rng.choice(_TEXT) for _ in range(rng.randint(40, 120))) + "。"
            task = m.Task(id=content_id("Task", doc_id, ref), document_id=doc_id, ref=ref, text=text, rule="test.v1",
                          span_start=100 * t, span_end=100 * t + 90)
            nodes.append(task)
            rels.append(_rel(R.HAS_TASK, section, task, doc_id))
            for k, dept in enumerate(rng.sample(pools[city], rng.randint(1, 3))):
                rels.append(_rel(R.RESPONSIBLE_FOR, dept, task, doc_id, role="lead" if k == 0 else "support",
                                 printed_name=dept.name))
        graphs.append(m.DocumentGraph(document_id=doc_id, nodes=nodes, relationships=rels))
    return graphs


CORPUS_DOCUMENTS, CORPUS_CAP, CORPUS_OPEN_LIMIT = 60, 60_000, 300


@pytest.fixture(scope="session")
def corpus_views(tmp_path_factory):
    """60 synthetic documents (1,440 tasks) in a real LadybugDB store, and every view of it written
    with a 60 kB cap (so the responsibility matrix splits) and views over 300 nodes opening on a
    search: (the store, the folder, the paths write_views returned)."""
    from plankg.graph.load import load_graphs
    from plankg.graph.store import open_store
    from plankg.viz.views import write_views

    root = tmp_path_factory.mktemp("corpus")
    store = open_store(f"ladybug://{root / 'store.lbdb'}")
    load_graphs(store, [(g, None) for g in corpus_graphs(CORPUS_DOCUMENTS)])
    out = root / "views"
    paths = write_views(store, out, cap=CORPUS_CAP, open_limit=CORPUS_OPEN_LIMIT)
    yield store, out, paths
    store.close()


def outputs_under_hash_seeds(program: str, seeds: tuple[str, ...] = ("1", "2", "3")) -> set[str]:
    """What a Python program prints, run once per PYTHONHASHSEED: one output when nothing it prints
    depends on the order of a set or dict of strings."""
    import os
    import subprocess
    import sys

    return {subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in seeds}

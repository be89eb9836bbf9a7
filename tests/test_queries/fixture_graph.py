"""A small constructed corpus for the query packs, built directly as `DocumentGraph`s.

Three plans: a city work plan for 2024 (市计划), a district plan (区规划) and the city's
five-year plan (市规划) both of them cite. They share departments (杭州市科学技术局 leads in
two plans), a platform mentioned in all three (之江实验室), targets with and without a
responsible department, a task without any department, a task with two leads, and a cited
plan no document publishes (浙江省规划, a stub known only by its title).

Every fact here is chosen so each query has something to find and something to leave out;
the expected results in tests/cases/expected/queries/ were checked against this text by eye.
"""
from __future__ import annotations

from plankg.ingest import assemble
from plankg.ingest.metrics import in_metric_unit, metric_key
from plankg.ontology import model as m
from plankg.ontology.ids import content_id
from plankg.ontology.vocab import RelType as R

RULES = "fixture.rules.v1"
CITY, DISTRICT = "杭州市", "杭州市拱墅区"

CITY_WORK_PLAN = "杭州市科技创新2024年工作计划"
DISTRICT_PLAN = "杭州市拱墅区科技发展“十四五”规划"
CITY_FIVE_YEAR_PLAN = "杭州市科技发展“十四五”规划"
PROVINCE_PLAN = "浙江省科技创新发展“十四五”规划"


def department(jurisdiction: str, name: str, kind: str = "government") -> m.Department:
    # as ingest builds them: the registry gives the short forms (市科技局) searches match
    return assemble.department(name, jurisdiction, kind)


KEJI = department(CITY, "杭州市科学技术局")
FAGAI = department(CITY, "杭州市发展和改革委员会")
JINGXIN = department(CITY, "杭州市经济和信息化局")
CAIZHENG = department(CITY, "杭州市财政局")
CITY_GOV = department(CITY, "杭州市人民政府")
RENCAI = department(CITY, "中共杭州市委人才工作领导小组办公室", kind="party")
COUNTIES = department(CITY, "各区、县(市)人民政府", kind="collective")
QU_KEJI = department(DISTRICT, "杭州市拱墅区科学技术局")
QU_FAGAI = department(DISTRICT, "杭州市拱墅区发展和改革局")
QU_JINGXIN = department(DISTRICT, "杭州市拱墅区经济和信息化局")

ZHIJIANG = m.Platform(id=content_id("Platform", "之江实验室"), name="之江实验室", kind="实验室", level="省级")
CITY_BRAIN = m.Platform(id=content_id("Platform", "杭州城市大脑创新中心"), name="杭州城市大脑创新中心",
                        kind="技术创新中心", level="市级")
RESEARCH_INST = m.Platform(id=content_id("Platform", "省级企业研究院"), name="省级企业研究院", kind="企业研究院",
                           level="省级")
ALIBABA = m.Enterprise(id=content_id("Enterprise", "阿里巴巴"), name="阿里巴巴")
HANGQI = m.Enterprise(id=content_id("Enterprise", "杭州汽轮机股份有限公司"), name="杭州汽轮机股份有限公司")


def plan_node_id(title: str) -> str:
    return content_id("Plan", title)


class _Doc:
    """Collects one document's nodes and relationships, as ingest would."""

    def __init__(self, file_name: str, text_chars: int):
        self.id = content_id("Document", file_name)
        self.nodes: dict[str, m.Node] = {}
        self.rels: list[m.Relationship] = []
        self.document = self.add(m.Document(id=self.id, document_id=self.id, name=file_name,
                                            path=f"fixture/{file_name}", sha256="0" * 64, chars=text_chars))

    def add(self, node: m.Node) -> m.Node:
        self.nodes.setdefault(node.id, node)
        return node

    def rel(self, type_: R, source: m.Node, target: m.Node, **props) -> None:
        self.rels.append(m.Relationship(type=type_, source_label=source.label, source=source.id,
                                        target_label=target.label, target=target.id, document_id=self.id,
                                        rule=RULES, **props))

    def plan(self, title: str, issuer: m.Department, printed_issuer: str, **fields) -> m.Plan:
        plan = self.add(m.Plan(id=plan_node_id(title), document_id=self.id, title=title,
                               issuers=[issuer.name], **fields))
        self.add(issuer)
        self.rel(R.PUBLISHES, self.document, plan)
        self.rel(R.ISSUED_BY, plan, issuer, printed_name=printed_issuer)
        return plan

    def section(self, parent: m.Node, ref: str, title: str, depth: int, start: int) -> m.Section:
        section = self.add(m.Section(id=content_id("Section", self.id, ref), document_id=self.id, ref=ref,
                                     title=title, depth=depth, span_start=start, span_end=start + 40))
        self.rel(R.HAS_SECTION, parent, section)
        return section

    def task(self, parent: m.Node, ref: str, text: str, start: int,
             departments: list[tuple[m.Department, str, str]] = ()) -> m.Task:
        task = self.add(m.Task(id=content_id("Task", self.id, ref), document_id=self.id, ref=ref, text=text,
                               rule=RULES, span_start=start, span_end=start + len(text)))
        self.rel(R.HAS_TASK, parent, task)
        for offset, (dept, printed, role) in enumerate(departments):
            self.add(dept)
            self.rel(R.RESPONSIBLE_FOR, dept, task, role=role, printed_name=printed,
                     span_start=start + len(text) - 10 + offset, span_end=start + len(text) - 6 + offset)
        return task

    def mention(self, source: m.Node, entity: m.Node, start: int, printed: str | None = None,
                resolution: str | None = None) -> None:
        self.add(entity)
        printed = printed or entity.name
        self.rel(R.MENTIONS, source, entity, printed_name=printed, span_start=start,
                 span_end=start + len(printed), resolution=resolution)

    def target(self, source: m.Node, text: str, metric: str, value: float, unit: str, year: int, start: int,
               comparator: str = ">=") -> m.Target:
        key = metric_key(metric)  # as ingest's assemble states it
        norm_value, norm_unit = in_metric_unit(key, value, unit)
        target = self.add(m.Target(id=content_id("Target", self.id, metric, value, unit, year, comparator),
                                   document_id=self.id, text=text, metric=metric, value=value, unit=unit,
                                   comparator=comparator, year=year, rule=RULES, span_start=start,
                                   span_end=start + len(text), metric_key=key, norm_value=norm_value,
                                   norm_unit=norm_unit))
        self.rel(R.SETS_TARGET, source, target)
        return target

    def cites(self, plan: m.Plan, title: str) -> None:
        cited = self.add(m.Plan(id=plan_node_id(title), title=title))
        self.rel(R.REFERENCES, plan, cited, printed_title=f"《{title}》")

    def graph(self) -> m.DocumentGraph:
        return m.DocumentGraph(document_id=self.id, nodes=list(self.nodes.values()), relationships=self.rels)


def city_work_plan() -> m.DocumentGraph:
    d = _Doc("city_2024.txt", 2000)
    plan = d.plan(CITY_WORK_PLAN, KEJI, "市科技局", date="2024-03-12", doc_number="杭科〔2024〕1号",
                  period_start=2024, period_end=2024, region=CITY)
    goals = d.section(plan, "一", "总体目标", 1, 100)
    d.target(goals, "全社会研发投入强度达到3.9%", "研发投入强度", 3.9, "%", 2024, 120)
    work = d.section(plan, "二", "重点任务", 1, 300)
    platforms = d.section(work, "二.(一)", "建设高能级创新平台", 2, 320)
    firms = d.section(work, "二.(二)", "培育科技企业", 2, 900)
    t1 = d.task(platforms, "二.(一).1", "支持之江实验室建设,新增省级以上实验室10家。", 360,
                [(KEJI, "市科技局", "lead"), (FAGAI, "市发改委", "support")])
    d.mention(t1, ZHIJIANG, 362)
    d.target(t1, "新增省级以上实验室10家", "省级以上实验室", 10, "家", 2024, 375)
    t2 = d.task(platforms, "二.(一).2", "联合阿里巴巴共建杭州城市大脑创新中心。", 600,
                [(KEJI, "市科技局", "lead"), (JINGXIN, "市经信局", "lead")])
    d.mention(t2, ALIBABA, 602)
    d.mention(t2, CITY_BRAIN, 608)
    t3 = d.task(firms, "二.(二).3", "培育高新技术企业1000家。", 920,
                [(JINGXIN, "市经信局", "responsible"), (KEJI, "市科技局", "responsible")])
    d.target(t3, "高新技术企业1000家", "高新技术企业数", 1000, "家", 2024, 922)
    d.task(firms, "二.(二).4", "优化科技金融服务。", 1000)
    d.cites(plan, CITY_FIVE_YEAR_PLAN)
    d.cites(plan, PROVINCE_PLAN)
    # "各区、县(市)要结合实际抓好落实": a plan-wide duty, not tied to any task
    d.add(COUNTIES)
    d.rel(R.IMPLEMENTS, COUNTIES, plan, printed_name="各区、县(市)", span_start=1900, span_end=1906)
    return d.graph()


def district_plan() -> m.DocumentGraph:
    d = _Doc("gongshu_14th.txt", 3000)
    plan = d.plan(DISTRICT_PLAN, QU_KEJI, "区科技局", date="2023-07-03", doc_number=None,
                  period_start=2021, period_end=2025, region=DISTRICT)
    d.target(plan, "研发投入强度达到3.5%", "研发投入强度", 3.5, "%", 2025, 80)
    work = d.section(plan, "三", "主要任务", 1, 200)
    sub = d.section(work, "三.(一)", "建设创新平台", 2, 220)
    b1 = d.task(sub, "三.(一).1", "支持之江实验室拱墅基地建设。", 260,
                [(QU_KEJI, "区科技局", "lead"), (QU_FAGAI, "区发改局", "support")])
    d.mention(b1, ZHIJIANG, 262)
    b2 = d.task(sub, "三.(一).2", "推动杭州汽轮机股份有限公司创建省级企业研究院,高新技术企业达到200家。", 400,
                [(QU_KEJI, "区科技局", "responsible"), (QU_JINGXIN, "区经信局", "responsible")])
    d.mention(b2, HANGQI, 404)
    d.mention(b2, RESEARCH_INST, 418)
    d.target(b2, "高新技术企业达到200家", "高新技术企业数", 200, "家", 2025, 430)
    project = d.add(m.Project(id=content_id("Project", d.id, "运河数智产业园"), document_id=d.id,
                              name="运河数智产业园", field="数字经济", span_start=500, span_end=507))
    d.rel(R.MENTIONS, sub, project, printed_name="运河数智产业园", span_start=500, span_end=507)
    d.rel(R.BUILT_BY, project, HANGQI, printed_name="杭汽轮")
    d.cites(plan, CITY_FIVE_YEAR_PLAN)
    return d.graph()


def city_five_year_plan() -> m.DocumentGraph:
    d = _Doc("city_14th.txt", 5000)
    plan = d.plan(CITY_FIVE_YEAR_PLAN, CITY_GOV, "杭州市人民政府", date="2021-06-30", doc_number="杭政〔2021〕20号",
                  period_start=2021, period_end=2025, region=CITY)
    d.target(plan, "研发投入强度达到3.8%", "研发投入强度", 3.8, "%", 2025, 90)
    work = d.section(plan, "二", "重点任务", 1, 300)
    c1 = d.task(work, "二.1", "高水平建设之江实验室等重大科创平台。", 320,
                [(KEJI, "杭州市科学技术局", "lead"), (CAIZHENG, "市财政局", "support")])
    d.mention(c1, ZHIJIANG, 325)
    c2 = d.task(work, "二.2", "高新技术企业达到3000家。", 500,
                [(FAGAI, "市发改委", "lead"), (KEJI, "市科技局", "support")])
    d.target(c2, "高新技术企业达到3000家", "高新技术企业数", 3000, "家", 2025, 500)
    # a task straight under the plan (no section) and a mention in the plan's own preamble
    d.task(plan, "三", "加强科技人才队伍建设。", 700, [(RENCAI, "市委人才办", "lead"), (KEJI, "市科技局", "support")])
    # printed without its city, as ingest/resolve.py reads it in a Hangzhou plan: the merge log's one entry
    d.mention(plan, CITY_BRAIN, 40, printed="城市大脑创新中心", resolution="plankg.resolve.v1: plan region 杭州市")
    d.cites(plan, PROVINCE_PLAN)
    return d.graph()


def fixture_graphs() -> list[m.DocumentGraph]:
    return [city_work_plan(), district_plan(), city_five_year_plan()]


def load_fixture(store) -> None:
    for graph in fixture_graphs():
        store.load_document(graph)


# Parameters each query runs with against this fixture; a query not listed runs once with its
# defaults. Values are strings where the CLI would pass strings, to exercise coercion.
QUERY_CASES: dict[str, list[dict]] = {
    "departments_by_tasks": [{}, {"plan": "2024"}],
    "department_tasks": [{"department": "科技局"}, {"department": "杭州市财政局"}, {"department": "人才办"}],
    "responsibility_matrix": [{"plan": "拱墅"}],
    "co_responsible_pairs": [{}, {"min_tasks": "2"}],
    "tasks_without_department": [{}],
    "tasks_with_several_leads": [{}],
    "department_load": [{"department": "市科技局"}],
    "plan_implementers": [{}],
    "platforms_by_kind": [{}, {"level": "省级"}],
    "plan_platforms": [{"plan": "2024"}, {"plan": "杭州市科技发展"}],
    "platform_mentions": [{"platform": "之江"}, {"platform": "城市大脑"}],
    "platforms_in_several_plans": [{}, {"min_plans": "1"}],
    "enterprise_platform_pairs": [{}],
    "plan_targets": [{"plan": "2024"}, {"plan": "拱墅"}],
    "targets_by_metric": [{}, {"metric": "高新技术企业"}],
    "targets_without_department": [{}],
    "targets_due": [{"year": "2025"}],
    "targets_by_year": [{}],
    "plan_overview": [{}],
    "plan_citations": [{}, {"plan": "浙江省"}],
    "plan_lineage": [{"plan": "2024"}, {"plan": "拱墅"}],
    "plans_by_issuer": [{}, {"issuer": "区科技局", "year": "2024"}, {"year": "2024"}],
    "section_subtree": [{"plan": "2024", "section": "二"}, {"plan": "2024", "section": "二.(二)"}],
    "find_entity": [{"q": "科技局"}, {"q": "之江"}],
    "fact_source": [{"q": "之江实验室"}, {"q": "二.(二).4"}, {"q": "人才"}],
    "department_names": [{}, {"department": "科技"}],
}

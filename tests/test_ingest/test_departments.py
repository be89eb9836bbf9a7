"""The department registry: jurisdiction-aware abbreviations, Party bodies, collectives, people."""
from __future__ import annotations

import pytest

from plankg.ingest.departments import default_registry


@pytest.fixture(scope="module")
def reg():
    return default_registry()


@pytest.mark.parametrize("printed,region,canonical,jurisdiction", [
    ("市科技局", "杭州市", "杭州市科学技术局", "杭州市"),
    ("市科技局", "湖州市", "湖州市科学技术局", "湖州市"),
    ("区科技局", "拱墅区", "拱墅区科学技术局", "拱墅区"),
    ("市科技局", "拱墅区", "杭州市科学技术局", "杭州市"),
    ("拱墅区科技局", None, "拱墅区科学技术局", "拱墅区"),
    ("市发改委", "宁波市", "宁波市发展和改革委员会", "宁波市"),
    ("市经信局", "杭州市", "杭州市经济和信息化局", "杭州市"),
    ("市人力社保局", "杭州市", "杭州市人力资源和社会保障局", "杭州市"),
    ("市市场监管局", "杭州市", "杭州市市场监督管理局", "杭州市"),
    ("市规划资源局", "杭州市", "杭州市规划和自然资源局", "杭州市"),
    ("市卫健委", "杭州市", "杭州市卫生健康委员会", "杭州市"),
    ("市投促局", "杭州市", "杭州市投资促进局", "杭州市"),
    ("市文广旅游局", "杭州市", "杭州市文化广电旅游局", "杭州市"),
    ("市数据资源局", "杭州市", "杭州市数据资源管理局", "杭州市"),
    ("杭州市发展和改革委员会", None, "杭州市发展和改革委员会", "杭州市"),
    ("湖州市经信局", None, "湖州市经济和信息化局", "湖州市"),
])
def test_abbreviations_resolve_within_the_jurisdiction(reg, printed, region, canonical, jurisdiction):
    info = reg.resolve(printed, region)
    assert (info.canonical, info.jurisdiction) == (canonical, jurisdiction)
    assert info.name == printed


@pytest.mark.parametrize("printed,region", [
    ("市科技局", "杭州市"), ("市科技局", "湖州市"), ("区科技局", "拱墅区"), ("市科技局", "拱墅区"),
    ("拱墅区科技局", None), ("市发改委", "宁波市"), ("市经信局", "杭州市"), ("市人力社保局", "杭州市"),
    ("湖州市经信局", None), ("市委人才办", "杭州市"), ("区委人才办", "吴兴区"), ("区数据资源局", "拱墅区"),
])
def test_printed_short_forms_come_back_as_aliases(reg, printed, region):
    """Searches match a department's aliases: each printed short form must be one of them."""
    info = reg.resolve(printed, region)
    aliases = reg.short_names(info.canonical, info.jurisdiction)
    assert printed in aliases
    assert info.canonical not in aliases


def test_aliases_stay_in_their_jurisdiction(reg):
    assert "市科技局" in reg.short_names("湖州市科学技术局", "湖州市")
    assert not any("杭州" in a for a in reg.short_names("湖州市科学技术局", "湖州市"))
    assert reg.short_names("湖州市科学技术局", "杭州市") == ()  # the name is not of that place
    assert reg.short_names("各区、县(市)政府", "杭州市") == ()
    assert reg.short_names("杭州市科学技术局", None) == ()


def test_party_bodies(reg):
    assert reg.resolve("市委人才办", "杭州市").canonical == "中共杭州市委人才工作领导小组办公室"
    assert reg.resolve("中共杭州市委办公厅", None).kind == "party"
    assert reg.resolve("区委人才办", "吴兴区").canonical == "中共吴兴区委人才工作领导小组办公室"


def test_kinds(reg):
    assert reg.resolve("各区、县(市)政府", "杭州市").kind == "collective"
    assert reg.resolve("各乡镇(街道)", "吴兴区").kind == "collective"
    assert reg.resolve("市科协", "杭州市").kind == "other"
    assert reg.resolve("市财政局", "杭州市").kind == "government"


def test_unknown_units_are_recognised_by_form(reg):
    assert reg.looks_like_unit("某某新区管委会") and reg.looks_like_unit("义乌海关")
    assert not reg.looks_like_unit("加快推进平台建设")
    info = reg.resolve("某某新区管委会", "湖州市")
    assert info.canonical == "某某新区管理委员会" and info.jurisdiction == "湖州市"


def test_people_are_not_units(reg):
    assert reg.is_person("李副市长") and reg.is_person("王强") and reg.is_person("市领导")
    assert not reg.is_person("市科技局") and not reg.is_person("各街道")


def test_regions_in_titles(reg):
    assert reg.regions_in("杭州市拱墅区科技发展规划") == ["杭州市", "拱墅区"]
    assert reg.jurisdiction("拱墅区").city == "杭州市"


def test_department_nodes_carry_their_aliases_into_the_graph():
    """Two documents naming one office differently give one node, with the same aliases."""
    from plankg.ingest.assemble import to_document_graph
    from plankg.ingest.pipeline import extract_text
    from plankg.ontology.vocab import NodeLabel

    nodes = []
    for name, text in (("a.txt", "杭州市2024年科技工作计划\n一、任务\n1.建设平台。(责任单位:市科技局)\n"),
                       ("b.txt", "杭州市科技创新实施方案\n一、任务\n1.培育企业。(牵头单位:杭州市科学技术局)\n")):
        graph = to_document_graph(extract_text(text, name))
        nodes += [n for n in graph.nodes if n.label is NodeLabel.DEPARTMENT]
    assert {n.id for n in nodes} == {nodes[0].id}
    assert all(n.name == "杭州市科学技术局" and "市科技局" in n.aliases for n in nodes)
    assert nodes[0].aliases == nodes[1].aliases


def test_an_autonomous_regions_own_departments_belong_to_that_region():
    """"自治区科技厅" is the department of the plan's autonomous region, as "省科技厅" is the province's:
    two regions' departments never merge into one node named after the bare word 自治区."""
    registry = default_registry()
    ningxia = registry.resolve("自治区科技厅", "宁夏回族自治区")
    guangxi = registry.resolve("自治区科技厅", "广西壮族自治区")
    assert (ningxia.canonical, ningxia.jurisdiction) == ("宁夏回族自治区科学技术厅", "宁夏回族自治区")
    assert (guangxi.canonical, guangxi.jurisdiction) == ("广西壮族自治区科学技术厅", "广西壮族自治区")
    party = registry.resolve("自治区党委组织部", "广西壮族自治区")
    assert (party.canonical, party.kind) == ("中共广西壮族自治区委组织部", "party")
    assert "自治区科技厅" in registry.short_names(ningxia.canonical, ningxia.jurisdiction)


@pytest.mark.parametrize("printed,region,canonical", [
    ("科技局", "杭州市", "杭州市科学技术局"),          # a generic body printed bare: the plan's own unit
    ("财政", "浮梁县", "浮梁县财政局"),                # a stem closed by 等部门
    ("人社", "浮梁县", "浮梁县人力资源和社会保障局"),
    ("县发改", "浮梁县", "浮梁县发展和改革局"),        # a county's 发改 is a bureau
    ("发改", "杭州市", "杭州市发展和改革委员会"),      # a city's is a commission
    ("财政", "浙江省", "浙江省财政厅"),                # a province's bureaus are 厅
    ("税务局", "浮梁县", "国家税务总局浮梁县税务局"),  # the template's {J} filled in
    ("南太湖新区管委会", "湖州市", "南太湖新区管理委员会"),  # a zone's own name stays as printed
])
def test_bare_bodies_and_stems_are_named_in_the_plans_jurisdiction(printed, region, canonical):
    assert default_registry().resolve(printed, region).canonical == canonical

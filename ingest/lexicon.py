"""The words plans use to state responsibility and lay out tables: language data, apart from the rules.

Every pattern of the responsibility grammar and of the table layer is built from these named
lists (`alternation`), so a word is added once and every rule sees it. The lists are plain
tuples of strings; nothing here matches text.

>>> column_role("牵头 单位"), column_role("主要工作举措"), column_role("分管领导"), column_role("1-11月推进情况")
('lead', 'task', 'person', 'progress')
>>> column_role("是否完成"), column_role("序号"), column_role("完成时限"), column_role("备注")
('flag', 'number', 'deadline', 'remark')
>>> column_role("单位"), column_role("建设单位"), column_role("区直单位"), column_role("2025年")
(None, 'builder', 'responsible', None)
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

LEAD, SUPPORT, RESPONSIBLE, PERSON, OTHER = "lead", "support", "responsible", "person", "other"

# Role keys: the labels printed before a list of units ("牵头单位:市科技局").
LEAD_KEYS = ("牵头、责任单位", "牵头/责任单位", "牵头责任单位", "责任牵头单位", "第一责任单位", "主要责任单位",
             "牵头单位", "牵头部门", "主责单位",
             "主办单位", "责任主体单位", "牵头处室", "主责部门", "牵头")
SUPPORT_KEYS = ("协同配合责任单位", "配合责任单位", "协同责任单位",
                "协同配合单位", "责任配合单位", "配合单位", "配合部门", "协同单位", "协同部门", "参与单位",
                "协办单位", "协作单位", "参加单位", "协助单位", "配合处室", "参与部门", "配合", "监督责任")
RESPONSIBLE_KEYS = ("责任单位", "责任部门", "实施单位", "落实单位", "承担单位", "责任主体", "主体单位", "工作单位",
                    "部门分工", "责任分工", "责任处室", "实施主体", "具体责任单位", "数据提供单位", "负责单位",
                    "负责部门", "负责处室", "负责科室", "承办单位", "承办部门", "主体责任")
# Every key that labels units, whatever their role: "责任单位" alone is a label, no unit.
UNIT_KEYS = frozenset(LEAD_KEYS + SUPPORT_KEYS + RESPONSIBLE_KEYS)
# A lead or support key with the level it may open with, then its colon ("省牵头单位:"): a line of units with their
# role, inside a cell of units or under it.
LEVELLED_ROLE_KEY = (r"(?:[省市区县])?(?:" + "|".join(re.escape(w) for w in sorted(set(LEAD_KEYS + SUPPORT_KEYS),
                                                                                 key=lambda w: (-len(w), w)))
                     + r")\s*[:：]")
# People's keys: what follows them is a person, never a department.
PERSON_KEYS = ("分管省领导", "牵头省领导", "分管市领导", "牵头市领导", "牵头区领导", "牵头县领导", "责任领导",
               "分管领导", "牵头领导", "联系领导", "包保领导", "责任人", "联系人", "省领导", "市领导", "区领导",
               "县领导")
# Keys that print a task's own text in a card of key-value lines ("重点工作: | … |" then "牵头单位: | … |").
TASK_KEYS = ("重点工作", "工作任务", "主要任务", "重点任务", "任务内容", "工作内容", "具体任务", "工作事项")
# Words of a page's footer: a label beside them ("主办单位:某市人民政府办公室 网站标识码…") names the site's owner.
FOOTER_WORDS = ("网站标识码", "ICP", "备案号", "版权所有", "技术支持", "网站地图", "联系我们", "公网安备")
# Reporting verbs before the colon that introduces what a report quotes ("其中明确指出:", "方案提出:").
REPORTING_VERBS = ("指出", "提出", "明确", "强调", "要求", "如下")
# Words that open an example before the unit it names ("如县发改局负责的“…”").
EXAMPLE_WORDS = ("例如", "比如", "其中", "如", "像", "由")
# Other keys that close a unit list inside a clause ("完成时限:2024年底").
OTHER_KEYS = ("完成时限", "完成时间", "启动时间", "开工时间", "截止时间", "办结时限", "时间节点", "进度安排",
              "时限要求", "时限", "备注", "咨询电话", "联系电话")

# The grammar of keys not listed above: a role word, a few characters, a unit noun, an optional
# qualifier ("牵头科室(单位)", "协同责任单位", "主体责任单位"); a person's key ends in a person noun
# ("牵头负责领导", "分管副市长").
KEY_LEAD_WORDS = ("牵头", "主责", "主办", "主要责任")
KEY_SUPPORT_WORDS = ("配合", "协同", "协办", "协助", "参与", "协作", "参加", "会办", "督导", "督办", "指导")
KEY_RESPONSIBLE_WORDS = ("责任", "实施", "落实", "承担", "主体", "承办")
KEY_UNIT_NOUNS = ("单位", "部门", "科室", "处室", "主体")
KEY_PERSON_NOUNS = ("领导", "负责人", "责任人", "联系人")
# The officials of a unit, printed after its name where a key names units and their officials together.
UNIT_LEADER_TAILS = ("主要领导", "主要负责人", "主要负责同志", "负责同志", "分管领导")


def key_role(key: str) -> str:
    """The role of a printed key, listed or built by the key grammar.

    >>> key_role("协同责任单位"), key_role("牵头科室(单位)"), key_role("主体责任单位"), key_role("牵头负责领导")
    ('support', 'lead', 'responsible', 'person')
    >>> key_role("完成时限"), key_role("责任领导"), key_role("报送单位"), key_role("部门分工")
    ('other', 'person', 'other', 'responsible')
    >>> key_role("数据提供单位")  # an indicator's unit where no other key names one (k01); listed
    'responsible'
    >>> key_role("责任单位及责任人")
    'responsible'
    """
    k = re.sub(r"\s+", "", key)
    # "责任单位及责任人": a key of units and their officials names the units
    k = re.sub(rf"(?<=(?:{alternation(KEY_UNIT_NOUNS)}))(?:及|和|与|/|、)(?:{alternation(KEY_PERSON_NOUNS)})$", "", k)
    if k in OTHER_KEYS:
        return OTHER
    if k in PERSON_KEYS or re.sub(r"[(（][^)）]*[)）]$", "", k).endswith(KEY_PERSON_NOUNS):
        return PERSON
    if k in LEAD_KEYS or any(w in k for w in KEY_LEAD_WORDS):
        return LEAD
    if k in SUPPORT_KEYS or any(w in k for w in KEY_SUPPORT_WORDS):
        return SUPPORT
    if k in RESPONSIBLE_KEYS or any(w in k for w in KEY_RESPONSIBLE_WORDS):
        return RESPONSIBLE
    return OTHER  # "报送单位:市统计局": a key of some other part, whose units are no task's


def _unit_key_grammar() -> str:
    """A role word, up to four characters and a noun of units, an aside after it ("牵头责任部门", "配合单位(部门)")."""
    heads = alternation(KEY_LEAD_WORDS + KEY_SUPPORT_WORDS + KEY_RESPONSIBLE_WORDS)
    nouns = alternation(KEY_UNIT_NOUNS)
    # "责任部门、单位": a second noun of units after the first, in one key
    return (rf"(?:总|具体|共同)?(?:{heads})[\u4e00-\u9fff]{{0,4}}?(?:{nouns})"
            rf"(?:[(（][\u4e00-\u9fff]{{1,6}}[)）]|、(?:{nouns}))?")


def unit_key_pattern() -> str:
    """A regex for a key that names units by their role: the listed role keys, or the key grammar's unit keys.

    >>> import re
    >>> keys = ("牵头责任部门", "责任单位", "接种牵头责任部门", "责任部门、单位")
    >>> [bool(re.fullmatch(unit_key_pattern(), k)) for k in keys]
    [True, True, False, True]
    """
    return rf"{alternation(LEAD_KEYS + SUPPORT_KEYS + RESPONSIBLE_KEYS)}|{_unit_key_grammar()}"


def key_pattern() -> str:
    """A regex (one group) for any key before a colon: the listed keys, then the key grammar."""
    person_key = rf"[\u4e00-\u9fff]{{0,6}}?(?:{alternation(KEY_PERSON_NOUNS)})"
    listed = alternation(LEAD_KEYS + SUPPORT_KEYS + RESPONSIBLE_KEYS + PERSON_KEYS + OTHER_KEYS)
    other_key = rf"[\u4e00-\u9fff]{{2,6}}?(?:{alternation(KEY_UNIT_NOUNS)})"
    return rf"({listed}|{_unit_key_grammar()}|{person_key}|{other_key})"


# Phrases that close a list of units and give it a role: "X牵头", "Y、Z配合", "A、B按职责分工负责".
LEAD_VERBS = ("牵头负责", "总牵头", "牵头抓总", "牵头", "主办")
SUPPORT_VERBS = ("协同配合", "配合落实", "共同推进", "协同推进", "配合", "参与", "参加", "协同", "协助", "协办",
                 "协调推动", "协调推进", "督促指导", "指导推动")
# Words of a plan-wide rule or a convention stated inside a clause ("以下均需各区落实,不再列出", "下同").
RULE_WORDS = ("以下均", "均需", "均由", "均要", "均涉及", "不再列出", "不再一一列出", "不再逐一列出", "不再单独列出",
              "不再重复", "不再做分工", "不再分工", "下同", "以下同", "以下各项")
# A deadline printed in a unit cell or a clause ("年内持续推进", "2024年底前", "长期坚持").
DEADLINE_PATTERN = (r"(?:\d{4}年)?(?:\d{1,2}月)?(?:底前|底|前|以前|年底前|月底前|上半年|下半年|全年|年内|长期|持续|"
                    r"持续推进|长期坚持|常态化|\d{4}年|\d{4}[-—~至]\d{4}年?|\d{4}年\d{1,2}月(?:底)?(?:前)?|"
                    r"[一二三四]季度|第[一二三四]季度|20\d{2}年[一二三四上下]?.{0,6}|年内(?:持续)?(?:推进|完成)|持续推进|长期坚持)")
# "按职责分工负责" is written in several ways: an optional basis, then the verb.
DUTY_BASES = ("按照职责分工", "按职责分工", "根据职责分工", "依据职责分工", "按照职能职责", "按照职责", "按职责",
              "根据职责", "依职责", "依照职责", "依据职责", "按职能", "各司其职", "分别", "共同", "分工", "具体",
              # shortened: "按职分工负责", "职能分工负责"
              "按职", "职能")
DUTY_VERBS = ("负责落实", "抓好落实", "负责", "落实", "指导", "承办")
# Words of a section's title that make it a list of who does what ("三、职责分工", "(一)工作职责"): there a
# paragraph that opens with a unit, as the subject of its sentence or before a colon, states that unit's tasks.
DUTY_SECTION_WORDS = ("职责", "分工")
# The labels of a table's second header row, each under a column of figures the first row spans over it
# ("2022年计划" over "绝对值 | 增长%"): the figure and its growth.
SUB_HEADER_WORDS = ("绝对值", "总量", "数值", "金额", "增长", "增速", "增幅", "增长率", "比上年增长", "同比增长")
# The last characters of a place's name that is a natural feature or a settlement ("青湖湾", "桃溪", "梅山"): a
# platform name that opens with one carries a place the gazetteer may not list ("青湖湾科创中心").
PLACE_FEATURE_ENDINGS = "湾湖山岛溪河江岭峰洲泉塘滩坪峡川寨庄坝垸屯堡"
# Words before a weak head (园, 谷, 中心) that make it a common noun: a school, a garden, a canyon.
COMMON_BEFORE_WEAK_HEAD = ("幼儿", "花", "公", "家", "校", "乐", "田", "峡", "邻里", "活动", "服务")
# Words of a page's first line that make it no headline: a byline, a newspaper's masthead, a button, a path, a
# collection of sample texts.
NOT_HEADLINE_WORDS = ("记者", "通讯员", "日报", "报纸", "扫一扫", "打开", "首页", "点击", "范文", "精选", "汇编",
                      "网站", "客户端", "公众号")
# What a heading may print after the one unit whose duties its items list ("(一)县发改局主要职责:").
UNIT_DUTY_TAILS = ("主要职责", "工作职责", "职责", "主要任务", "工作任务")
# What a unit is called in a sentence that makes it its section's lead ("综合执法局作为园区管理工作牵头部门").
LEAD_ROLE_NOUNS = ("牵头部门", "牵头单位")

# Endings of a town's, township's or village's name: in a table's unit column the name stands for its government
# ("孝顺镇", "源东乡"), where in prose it may only name the place.
TOWN_ENDINGS = ("镇", "乡", "街道", "苏木", "村", "社区")
# Marks printed beside a unit to say it leads ("带*的为牵头单位", "▲发改局"): never part of its name.
LEAD_MARKS = "*＊★☆※▲△"
OPEN_BRACKETS = "(（[【〔〈"
CLOSE_BRACKETS = ")）]】〕〉"
UNIT_DELIMITERS = "、,，;；/"

# Column roles of a responsibility table, recognised in its header cells (spaces removed).
# Order matters: the first role whose words a header contains wins ("责任领导" is a person column
# although it contains 责任; "牵头单位" is a lead column although it contains 单位).
COLUMN_ROLE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("number", ("序号", "编号")),
    ("flag", ("是否",)),
    (PERSON, PERSON_KEYS + ("领导", "联系人")),
    # a schedule's columns ("一季度" … "四季度") hold what is planned for each quarter, read like progress notes
    ("progress", ("推进情况", "进展情况", "完成情况", "落实情况", "工作进展", "进展", "进度情况", "季度", "完成率",
                  "自评", "累计", "完成进度")),
    ("deadline", ("完成时限", "完成时间", "时间节点", "进度安排", "时限", "时间安排", "完成期限", "建设时间",
                  "实施时间", "建设年限", "建设期限")),
    # 评分部门, 考核部门: who scores the indicator, not who is responsible for it.
    # 指标属性: 预期性 / 约束性
    # 任务来源: where a task comes from (the report, the province's list), no task of its own
    # 建设地点: where the works are (a town's name there is a place, not a unit); 投资金额: a sum, no unit
    # 存在问题, 下一步打算: a progress report's columns beside its tasks
    ("remark", ("备注", "说明", "属性", "来源", "监督方式", "联系电话", "联系方式", "评分", "考核部门", "考核单位",
                "分值", "权重", "赋分", "建设地点", "实施地点", "建设地址", "投资额", "投资金额", "计划投资",
                "总投资", "投资规模", "资金规模", "存在问题", "存在的问题", "下一步", "下步")),
    (LEAD, ("牵头单位", "牵头部门", "第一责任单位", "主要责任单位", "主责单位", "牵头责任单位", "责任牵头单位",
            "牵头处室", "主责部门", "牵头科室", "牵头")),
    (SUPPORT, ("配合单位", "配合部门", "协同单位", "协同部门", "参与单位", "协办单位", "协作单位", "协助单位",
               "会办单位", "配合")),
    # 依托单位: the university or firm that hosts a centre or a lab, not a body charged with a task
    ("builder", ("建设单位", "项目单位", "施工单位", "业主单位", "投资主体", "申报单位", "申报主体", "推荐单位",
                 "依托单位", "依托机构")),
    (RESPONSIBLE, ("责任单位", "责任部门", "实施单位", "落实单位", "责任主体", "承担单位", "责任处室", "责任科室",
                    "责任分工", "责任股室", "主管部门", "主管单位")),
    ("task", ("任务", "举措", "措施", "内容", "事项", "工作", "项目", "目标", "指标", "要点", "要求", "效果", "实事",
              "问题描述")),
    ("category", ("类别", "领域", "分类", "类型", "板块", "分组", "组别")),
)
UNIT_ROLES = (LEAD, SUPPORT, RESPONSIBLE)
# The first cell of a table's totals row ("合计 | 1241 | 1241 |"): a sum of the rows, no row of its own.
TOTAL_ROW_LABELS = ("合计", "总计", "小计", "共计")
# The "three lists" a task table may print as its columns ("任务清单 / 责任清单 / 时限清单"): column headers, though
# they end like a caption.
LIST_COLUMN_HEADERS = {"任务清单": "task", "责任清单": RESPONSIBLE, "时限清单": "deadline"}
# An indicator table's columns beside the task table's roles: the unit of measure ("单位") and a year's values
# ("2025年", "2025年目标值"; the year in group 1).
MEASURE_HEADERS = ("单位", "计量单位")
YEAR_COLUMN = r"((?:19|20)\d{2})年?(?:目标值?|预期值?|值)?"
# Words of an indicator table's column of figures already reached, its baseline ("2010年实绩", "现状值", "基期"):
# never the goals.
BASE_COLUMN_WORDS = ("完成", "实际", "实绩", "现状", "基期", "基数", "基准", "基础", "现值", "基年")
# Words of a header that names tasks or measures, as against one that names indicators ("指标").
TASK_COLUMN_WORDS = ("任务", "举措", "措施")


def grouping_indicator_columns(headers: Sequence[str]) -> frozenset[int]:
    """The 指标 columns of a table that also has a task column: there the indicator groups the tasks, a
    category printed once per group of rows, and is no task text.

    >>> sorted(grouping_indicator_columns(["序号", "指标", "工作任务", "责任单位"]))
    [1]
    >>> sorted(grouping_indicator_columns(["序号", "考核指标", "考核内容", "责任部门"]))
    []
    """
    def tasky(h: str) -> bool:
        return any(w in h for w in TASK_COLUMN_WORDS)

    if not any(tasky(h) for h in headers):
        return frozenset()
    return frozenset(i for i, h in enumerate(headers) if "指标" in h and not tasky(h))
# Words of a task table's column of goals ("目标任务", "年度目标"): a bare figure there is the row's target.
GOAL_COLUMN_WORDS = ("目标",)
# Endings of a table's caption or a document title, never of a column header ("重点任务清单").
CAPTION_ENDINGS = ("表", "清单", "方案", "计划", "要点", "分解", "通知", "意见", "规划", "一览")


@lru_cache(maxsize=4096)
def column_role(header: str) -> str | None:
    """The role of a table column from its header cell, or None when the header names no known role.

    >>> column_role("牵头 单位"), column_role("落实科室(部门)"), column_role("成文日期"), column_role("名称")
    ('lead', 'responsible', None, 'task')
    """
    h = re.sub(r"\s+", "", header)
    h = re.sub(r"(?<=.)[(（][^()（）]{1,20}[)）]$", "", h)  # "落实科室(部门)": the label without its aside
    if h in LIST_COLUMN_HEADERS:
        return LIST_COLUMN_HEADERS[h]
    if h == "名称":
        return "task"  # a table's bare 名称 column: what each row names (a project, a work) is its task
    if not h or len(h) > 16 or h.endswith(CAPTION_ENDINGS) or is_meta_key(h):
        return None  # "发文单位" / "市人民政府办公室": a page's metadata printed key, value, key, value
    for role, words in COLUMN_ROLE_WORDS:
        if any(w in h for w in words):
            return role
    if len(h) > 2 and h.endswith(("单位", "部门", "处室", "科室", "股室")):
        return RESPONSIBLE
    return None


def alternation(words: tuple[str, ...] | list[str]) -> str:
    """A regex alternation of `words`, longest first, each escaped.

    >>> alternation(("牵头", "牵头单位"))
    '牵头单位|牵头'
    """
    # longest first, equals in a fixed order: a set's order changes with the process's hash seed
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


# The phrase itself: one basis or two ("按职责分工分别负责"), or none, then a duty verb.
DUTY_PHRASE = rf"(?:{alternation(DUTY_BASES)}){{0,2}}(?:{alternation(DUTY_VERBS)})"


# Industry words that close a firm's short trade name ("华远新材", "康普药业", "长燊科技", "银丰铸造").
FIRM_INDUSTRY_WORDS = ("科技", "药业", "医药", "制药", "生物", "电子", "电气", "电器", "物流", "冷链", "环保", "新材",
                       "铝业", "铜业", "钢铁", "阀门", "纸业", "化工", "化学", "食品", "铸造", "精工", "重科", "重工",
                       "实业", "建材", "机械", "装备", "汽车", "光电", "光伏", "纺织", "服饰", "热电", "包装", "家居",
                       "乳业", "酒业", "矿业", "煤业", "股份", "控股", "智造", "半导体", "微电子", "通信", "软件",
                       "塑业", "塑料", "陶瓷", "玻璃", "水泥", "牧业", "油脂", "锂业", "新能源", "精密电子", "摩擦",
                       "铝材", "新材料", "磁电", "机床", "制冷", "电梯", "眼镜", "电机", "电缆", "农牧", "机电", "砂业")
# Words that, beside the sector words, make a designation's body a kind of zone ("人才资源集聚区", "首批示范区",
# "生态功能区").
ZONE_KIND_WORDS = ("人才", "首批", "枢纽", "四大", "生态")
# What an age (岁) measures when it is a goal ("人均预期寿命达到79.2岁"); elsewhere an age says whom
# ("60岁以上老年人").
AGE_METRIC_WORDS = ("寿命", "年龄")
# Head nouns that open a longer word before these characters, where they end no name: 区块 (a block of a city)
# in 区块链 (blockchain), 智慧城 (a district) in 智慧城市 (a smart city: a programme).
HEAD_NOT_BEFORE = {"区块": "链", "智慧城": "市", "创新城": "市", "科技城": "市", "未来城": "市"}
# Verbs a unit's duty opens with when the unit is the subject of a paragraph ("区住建局负责…", "区委农办要结合…").
# Verbs a clause naming who leads may open with before the units ("成立…", "要求水务部门牵头", "责成…"): no part of
# a unit's name.
LEAD_PHRASE_OPENERS = ("建立", "成立", "组建", "实行", "建立健全", "要求", "责成", "请")
# Adverbs of manner between a unit and the verb of its duty ("市财政局积极做好资金保障").
DUTY_ADVERBS = ("积极", "认真", "切实", "全力", "及时", "主动", "具体")
DUTY_OPENING_VERBS = ("负责", "要", "主要负责", "具体负责", "牵头", "承担", "统筹", "做好")
# Indicators a plan names by their Latin abbreviation alone ("GDP突破百亿元").
LATIN_INDICATORS = ("GDP", "CPI", "PPI", "PM2.5", "R&D")
# The verbs after a unit no name alone makes a government body, in a list of duties ("派出所负责…", "各村要…").
LISTED_DUTY_VERBS = ("负责", "要")
# An indicator table's column of each indicator's kind ("属性": 约束性 / 预期性), and the kinds it holds.
ATTRIBUTE_HEADERS = ("属性", "指标属性", "性质")
INDICATOR_KIND = re.compile(r"(?:约束|预期|指导)性?")
# Units named by a bare collective noun in a list ("…、国税地税局和街道配合"): the streets (towns) of the place.
BARE_COLLECTIVE_UNITS = ("街道", "乡镇", "镇街", "街镇", "社区")
# Words of a metric measured in years ("平均受教育年限达12.3年以上"): there 年 is a unit, elsewhere a date.
DURATION_METRIC_WORDS = ("年限",)
# A form's column of values ("指标值"), and what the lines naming its groups end with ("数量指标", "产出指标").
VALUE_COLUMN_LABELS = ("指标值", "目标值", "预期值")
FORM_GROUP_ENDINGS = ("指标",)
# What a score measures ("服务质量满意度达89分"): there 分 is a unit, elsewhere a minute or a part.
SCORE_METRIC_WORDS = ("满意度", "得分", "评分", "分值", "测评")
# What a metric counted in days names ("优良天数", "重污染天数"): its figures in 天 are the count.
DAY_METRIC_WORDS = ("天数",)
# Nouns after a name that make it an idea held, not a place ("铸牢中华民族共同体意识", "创新中心理念").
CONCEPT_NOUNS = ("意识", "理念", "精神", "思想", "观念")
# Nouns after a name that make it a place's role ("汉中副中心城市", "区域性金融中心地位").
ROLE_NOUNS = ("城市", "地位", "功能定位")
# Communities that are ideas of the nation or of mankind, never consortia ("构建人类命运共同体").
CONCEPT_COMMUNITIES = ("中华民族共同体", "命运共同体", "生命共同体", "利益共同体", "责任共同体")
# Industry words before a bare 公司 that make it a firm's name ("太原天然气公司", "兆隆纸业公司"), beside
# FIRM_INDUSTRY_WORDS.
COMPANY_INDUSTRY_WORDS = ("纸业", "天然气", "燃气", "水务", "电力", "供电", "能源", "投资", "置业", "建设", "交通",
                          "旅游", "文旅", "农业", "商贸", "贸易", "发展", "集团")
# Parts of a town or a zone a park inside it is named after ("城南高新技术产业园" inside a development zone).
AREA_WORDS = ("城东", "城西", "城南", "城北", "城中", "东区", "西区", "南区", "北区", "东部", "西部", "南部", "北部",
              "滨江", "滨湖", "滨海", "沿江", "沿海", "临港", "空港", "港区")
# Trades a well-known firm's own company is named by after the firm ("京东健康", "阿里云"), beside the industry and
# sector words: the whole is a firm of its own, not the firm and a product.
SUBSIDIARY_TRADE_WORDS = ("健康", "数科", "云", "金融", "物流", "科技", "智能", "能源", "资本")
# Regions of the country and the world a firm's seat serves ("西北区域总部", "亚太区总部").
REGION_WORDS = ("西北", "西南", "东北", "华东", "华南", "华北", "华中", "西部", "东部", "中部", "南部", "北部",
                "亚太区", "亚太", "中国", "全国", "全球", "国际")
# Words of time a clause may open with before a list ("力争明年石材陶瓷、…"): no name opens with one.
TIME_WORDS = ("今年", "明年", "后年", "年内", "全年", "当年", "上半年", "下半年", "年底", "近期")
# Words that make the firms after them a kind, not a named one ("有关通信公司", "相关企业集团", "各类公司").
COLLECTIVE_QUALIFIERS = ("有关", "相关", "各类", "各")
# Words opening a unit's bracketed aside that defines what its name covers ("法宣办(含高新区、白沟新城党群工作部,
# 下同)", "(以下简称市数据局)"): the aside's 下同 carries the definition forward, no rule of the plan's.
DEFINING_ASIDE_WORDS = ("含", "包括", "包含", "以下简称", "简称")
# Words that say what kind of firm a bare 公司 is, not which one ("快递公司", "平台公司", "国有公司"): a body made
# only of these (and the words of `COMPANY_INDUSTRY_WORDS`) names no firm of its own.
COMPANY_KIND_WORDS = ("平台", "快递", "物业", "国有", "国资", "国企", "城投", "交投", "融资", "担保", "运营", "管理",
                      "项目", "合资", "外资", "民营", "上市", "供水", "公交", "出租", "保险", "开发", "房地产",
                      "咨询", "中介", "空壳", "龙头", "骨干", "重点", "本地", "外地", "相关", "有关", "其他", "其它",
                      "各类", "市属", "县属", "区属", "省属", "服务", "劳务", "安保", "保安", "保洁", "物流", "电商",
                      "网络", "科技", "传媒", "广告", "金融", "施工", "监理", "设计", "评估", "招标", "代理", "专业",
                      "第三方", "合作", "一批", "多家", "该", "本", "新", "老", "大", "小", "电网", "烟草", "邮政",
                      "电信", "移动", "联通", "铁塔", "石油", "石化", "中石油", "中石化", "控股", "实业", "产业",
                      "企业", "工程", "技术", "信息", "数据", "资产", "资本", "基金", "经营", "销售", "生产", "制造",
                      "环卫", "绿化", "园林", "跨国", "管养", "养护", "注册", "轨道", "运输", "客运", "货运")
# Verbs of the events a named project goes through ("做好X项目落地", "举办X项目动工仪式"), beside FIRM_VERBS.
PROJECT_EVENT_VERBS = ("做好", "举办", "签约", "签订", "洽谈")
# What a firm's list of projects grows into ("培育津元春、草堂春成长为规上工业企业").
# Words of a growth rate in an indicator's name or a column's label ("产值增幅", "2022年计划增长%").
GROWTH_WORDS = ("增长率", "增长", "增速", "增幅")
FIRM_GROWTH_WORDS = ("成长为", "培育成为", "升级为", "升规为")
# Words that end a project's name after its builder's, where the project is the builder's and not its trade's
# ("晶澳" + "新能源" + "产业基地").
PROJECT_NOUNS = ("产业", "项目", "基地", "园", "工程", "生产", "制造", "加工", "全产业链")
# What introduces a list of projects ("签约的项目包括…", "分别是:…"), and words that open its first item without
# naming a builder ("投资…", "年产…", "新招引…", "深度谋划…"), beside NAME_STOPWORDS.
PROJECT_LIST_INTRODUCERS = ("包括", "包含", "分别是", "分别为", "主要有", "涉及", ":", "：")
PROJECT_ITEM_OPENERS = ("投资", "总投资", "年产", "新招引", "深度", "具体")
# Characters no firm's name brought in by a verb holds: function words and counters ("引进更多项目", "各类项目").
NOT_NAME_CHARS = "各的和多更项批类个"
# Honours a firm wins, said right after its name ("环锂新能源获评国家专精特新“小巨人”企业").
FIRM_HONOUR_WORDS = ("获评", "入选", "入围", "获批", "上榜", "荣获", "被认定为", "被评为", "成功上市", "挂牌上市",
                     "进入")
# What a list's projects are when firms sign or build them ("腾讯、迈为等签约项目").
FIRM_PROJECT_WORDS = ("签约", "在谈", "洽谈", "在建", "新建", "续建", "招引", "引进", "落地", "投产", "技改", "增资",
                      "扩产", "产业", "工业")
# ... of them, the projects of a deal with firms ("华傲数据、腾讯云等重点在谈项目").
FIRM_DEAL_WORDS = ("签约", "在谈", "洽谈")
# What is said of firms right after their names: their projects, output, listing.
# Stages of a firm's works said right after its name ("久亿矿山机械开工建设"): what comes before them is all name.
FIRM_WORKS_STAGES = ("开工", "建设", "竣工", "投产", "达产", "落地", "签约")
# Verbs after a lead's name in a heading's bracket ("(由市发改局牵头实施)").
CARRY_OUT_VERBS = ("实施", "负责", "落实", "推进")
# Works a plan counts in a list of them and aims to see through a stage ("推动A、B等21个项目开工建设").
WORKS_NOUNS = ("项目", "工程", "设施", "学校", "研究院", "基地")
WORKS_GOAL_STAGES = FIRM_WORKS_STAGES + ("建成", "完工", "投用")
# Verbs opening the clause of a list whose count the plan aims at ("建成凤林北路东延伸段等6条市政道路", "完成广场南路等
# 5条路雨污分流改造"), and words that make the list one the page has or had ("拥有之江、西湖等2家省实验室", "已建成").
LIST_GOAL_VERBS = ("建成", "建设", "新建", "续建", "完成", "实施", "打造", "引进", "招引", "推进", "推动", "开工",
                   "启动", "培育", "创建", "创成", "争创", "成立", "组建", "改造", "提升", "抓好", "新增", "布局",
                   "策划")
HELD_LIST_WORDS = ("已", "拥有", "共有", "现有", "累计")
# Of those verbs, the ones that build or complete: a count of as many things as the list names is then a goal.
LIST_BUILD_VERBS = ("建成", "新建", "续建", "完成", "开工", "创建", "创成", "成立", "组建", "新增")
# The things such a count counts ("等6条市政道路", "等11所中小学"), and what it counts that is no goal ("等十个方面").
LIST_COUNT_UNITS = ("个", "家", "项", "所", "座", "条", "处", "名", "户", "场", "片", "批", "台", "套", "宗")
LIST_COUNT_NOT_GOALS = ("方面", "领域", "部门", "单位", "文件", "规划", "方案")
# Nouns of a plan a verb of doing may open ("实施方案"): the verb is then a part of the noun.
PLAN_NOUNS = ("方案", "计划", "意见", "办法", "细则", "纲要")
FIRM_ACTIVITY_WORDS = ("项目", "上市", "产值", "税收", "生产线", "投产", "达产", "扩产", "增资", "技改", "原料", "车间",
                       "机组", "集成电路", "产能", "一期", "二期", "三期", "环保包装", "开工", "全面开工", "竣工",
                       "落地", "尽快落地", "申报", "带动作用", "龙头作用", "引领作用",
                       # where a listing stands: "四方光电科创板在审", "中科通达在辅导"
                       "科创板", "创业板", "北交所", "港交所", "在审", "在辅导", "过会", "报会", "挂牌")
# Sectors and kinds of works a list of projects may name instead of firms ("风电、光伏等项目"): an item holding
# one is no firm's name.
SECTOR_WORDS = ("风电", "光伏", "储能", "氢能", "核电", "水电", "火电", "热电", "能源", "材料", "医药", "生物", "数字",
                "信息", "电子", "装备", "制造", "汽车", "化工", "冶金", "食品", "纺织", "物流", "文旅", "旅游", "康养",
                "农业", "工业", "产业", "行业", "领域", "经济", "服务", "基础设施", "交通", "水利", "环保", "市政",
                "民生", "社会事业", "城建", "棚改", "改造", "乡村", "教育", "卫生", "医疗", "养老", "文化", "体育",
                "商贸", "金融", "科技", "创新", "招商", "重大", "重点", "在建", "新建", "续建", "签约", "储备", "亿元",
                "大数据", "云计算", "人工智能", "物联网", "区块链", "互联网", "集成电路", "半导体")
# Words a project's own words open with after its builder's name in a list of projects ("伟创力高端PCB", "佛山柔浩
# 电子新型显示屏", "帕睿斯新上医疗器械", "正大丰海特医食品", "宇通新能源商用车"): a product's kind or the works,
# never the ending of a firm's name (电子, 科技, 智能 end as many names as they open products).
PRODUCT_OPENERS = ("年产", "新型", "高端", "高性能", "高纯", "特种", "特医", "精密", "新能源", "新上", "新建", "扩建",
                   "改扩建", "技改", "生产线", "生产基地", "产业化")
# Words of a project's size before its figure ("总投资10亿元", "年产5万吨"): never a builder's name.
PROJECT_MEASURE_WORDS = ("投资", "年产", "产值", "产能", "占地", "面积", "规模", "建筑")
# Compounds a stop word is part of, never the verb or adverb: "镍钴资源综合利用国家重点实验室", "资源与利用",
# "枣庄市乡村可持续发展研究院", "精细化工产业园" (the characters before the stop word, per stop word).
STOP_COMPOUNDS = {"利用": ("综合", "开发", "循环", "高效", "资源", "与"), "持续": ("可",), "修复": ("生态",),
                  "细化": ("精",), "结合": ("军民", "医养", "产教", "产学研", "农旅", "文旅", "科教")}
# ... and the characters after it: "国家对外文化贸易基地", "向阳社区日间照料中心" (对外, 向阳 are words of a name),
# "四川全面创新改革试验区" (a national designation's own words), "即墨经济开发区" (a place's), "就业服务中心",
# "和平农场公司" (words of a name).
STOP_COMPOUNDS_AFTER = {"对": ("外",), "向": ("阳",), "全面": ("创新改革",), "即": ("墨",), "就": ("业",),
                        "和": ("平",)}
# Nouns a clause's verb takes, left alone before 和/与 when an adverb cut them from their verb
# ("推进经济高质量发展和凤凰城总部经济集聚区打造"): the end of that clause, never the first half of a name joined by
# the conjunction.
BARE_CLAUSE_NOUNS = ("发展", "改革", "开放", "转型", "升级", "创新", "保护", "治理")
# Words ending in 局 that name no bureau ("产业布局", "发展格局"): never the end of a unit's name.
NOT_BUREAU_WORDS = ("布局", "格局", "大局", "全局", "开局", "结局", "变局", "当局")
# Unit heads a shorter head opens ("办" of 办公室): a name is not cut after the shorter one.
LONG_UNIT_HEADS = ("办公室", "委员会", "管委会", "办事处")
# Heads that name no unit alone: after a space they finish the name before it ("各市(州) 人民政府").
BARE_UNIT_HEADS = ("人民政府", "政府", "管委会", "管理委员会", "办事处", "党委", "党工委")
# What a unit's name ends with when the text stops inside it ("各开发区管委" for 管委会, "市人民政" for 政府).
CUT_UNIT_TAILS = ("管委", "人民政", "委员", "办公", "领导小组办", "指挥部办")
# Words a conjunction character is part of, where it joins nothing ("研发设计工具普及率": 及 in 普及).
WORDS_WITH_CONJUNCTIONS = ("普及", "涉及", "惠及", "波及", "危及", "顾及", "参与", "给与")
# Funds a place attracts, a goal of investment promotion ("到位资金0.8亿元"), not a budget line it allocates: a verb of
# attracting, then words of where the money comes from ("实际到位市外资金", "向上争取资金"), then the money.
ATTRACTING_VERBS = ("到位", "引进", "招引", "利用", "争取", "招商")
FUND_WORDS = ("资金", "内资", "外资")
# What an item of a list ends with when it names an activity, not a firm ("种苗培育、水果综合利用等项目").
ACTIVITY_ENDINGS = ("培育", "利用", "加工", "开发", "种植", "养殖", "研发", "回收", "治理", "提升", "升级", "整治")
# What a list closed by 等 names when it names industries, not firms ("健康医药、绿色建材等多个产业").
SECTOR_LIST_NOUNS = ("产业", "行业", "领域", "业态", "板块", "方向", "产业链", "门类")
# Verbs of support or investment that take a firm as their object.
# Verbs of bringing firms in: two names a list closes with "等…企业" after one are firms ("引进立洲、泓安等…企业").
# Adverbs before a firm verb opening a list's first item ("全力培育华乐食品", "成功引进立洲").
# Prepositions that put a firm as the object after the clause's verbs ("加大对长崃…的支持", "对宁德时代…靠上服务").
FIRM_PREPOSITIONS = ("对",)
# Last words of a body that make "…公司" a kind of firm, whatever comes before them: "A股上市公司", "拟上市公司".
COMPANY_KIND_ENDINGS = ("上市", "挂牌", "后备", "股份制")
# The registered endings of farmers' cooperatives and family farms, market entities named like firms
# ("宜章县隆康种养专业合作社", "宜章县占勇家庭农场"): a place opens their names.
COOPERATIVE_ENDINGS = ("专业合作社", "家庭农场", "经济合作联合社", "股份经济合作社")
# Words of a kind of cooperative or farm, not of one ("宜章县2023年度县级示范家庭农场"): its standing.
COOPERATIVE_KIND_WORDS = ("示范", "农民", "规范化", "优秀", "重点", "龙头")
FIRM_ADVERBS = ("全力", "大力", "积极", "着力", "重点", "努力", "持续", "进一步", "成功", "深度", "同时", "要")
# Spans of the year a report opens a sentence with before a name ("上半年恒星新媒体及应用电子技术孵化器…").
YEAR_SPAN_WORDS = ("上半年", "下半年", "今年", "全年", "年内")
FIRM_INTAKE_VERBS = ("引进", "招引", "引入", "招来", "吸引")
# Trades a firm's name may hold after 企业 ("东莞市安胜企业管理有限公司"): 企业 is then a word of the name.
ENTERPRISE_TRADE_WORDS = ("管理", "服务", "咨询", "发展", "孵化", "营销")
# What a firm is to an industry chain, after "以X为": "以牧原为链主的肉食品加工". ("以X为龙头" leads with projects
# and parks as often as with firms: no such word here.)
FIRM_CHAIN_ROLES = ("链主企业", "链主")
# What a plan calls firms it leans on, after "以A、B、C为": "以三九药业、海王医药为依托".
FIRM_BASIS_WORDS = ("依托", "龙头", "代表", "核心", "引领", "主体", "骨干", "支撑")
# A place's name for itself before a firm's name ("确定我县友迪光电…"): no part of the name.
SELF_REFERENCES = ("我省", "我市", "我州", "我盟", "我县", "我区", "我旗", "我镇", "我乡", "本市", "本县", "本区")
# What joins firms to the partner they work with, after a list of them ("振兴药业、安德药业与中国药科大学").
FIRM_PARTNER_WORDS = ("与", "同", "联合")
FIRM_VERBS = ("推动", "推进", "加快", "加大", "跟进", "力促", "新开工", "新竣工", "新签约", "扶持", "支持", "引进",
              "引导", "集聚", "力争", "培育", "培植", "促进", "服务", "帮助", "确保", "提速", "做强", "壮大", "鼓励",
              "督促", "加速", "全力扶持", "加快推进", "全力推进", "指导", "争取", "解决", "协调解决", "强化", "发挥")
# Verbs of recognition and support a registered firm's name follows inside one clause
# ("市政府批准认定江苏某某股份有限公司"), of contact ("重点联系…", "赶赴…"), the builder's 由 of a project, a basis
# ("按照…") and a firm's role before its name ("一级供应商…"): the name starts after the last of them.
FIRM_NAME_CUT_VERBS = ("认定", "批准", "命名", "授予", "公布", "评定", "确定", "推荐", "协调", "对接", "依托",
                       "指导", "其中", "洽谈", "入股", "挖掘", "签约", "考察", "走访", "拜访", "确认", "组织", "邀请",
                       "暨", "利用", "依据", "重组", "来到", "分别", "衔接", "原有", "正是由", "是由", "项目由",
                       "联系", "赶赴", "前往", "按照", "根据", "供应商", "合作伙伴", "投资方", "同意",
                       "与") + FIRM_INTAKE_VERBS + tuple(  # "分别与湖南越大能源…签署", "将引入上海均和集团"
    v for v in FIRM_VERBS if v not in ("服务", "帮助"))  # in names


# Page furniture: the keys of a document's metadata fields, however printed ("发文字号:X", "[ 成文日期 ] | X |",
# "【制定机关】X", "• 发布机构: X", "文    号 X"). Each list names what its value is; OTHER keys only end the
# value before them ("…办公厅公文时效 :有效" glued on one line).
META_TITLE_KEYS = ("标题", "名称", "文件名称", "公文标题")
META_ISSUER_KEYS = ("发布机构", "发文机关", "发布单位", "发文单位", "制发机关", "发文部门", "制定机关", "成文单位",
                    "发布部门", "发布者")
# Where a page says it copied the text from: an issuer only when nothing better is printed.
# The marks a page split over several pages opens with ("[接上页] 省卫生厅:…"): no part of the text.
PAGE_CONTINUATION_MARKS = ("[接上页]", "【接上页】", "(接上页)", "（接上页）", "[接上文]", "(续上页)", "（续上页）")
# Keys of a page's credits for the people who edited an article.
EDITOR_CREDIT_KEYS = ("编辑", "责任编辑", "责编", "审核", "二审", "三审", "终审", "校对", "初审", "编审")
META_SOURCE_KEYS = ("信息来源", "文章来源", "来源", "作者")
# The document's own date (成文/发文), as against the page's posting or generation dates.
META_DATE_KEYS = ("成文日期", "发文日期", "发文时间", "公布日期", "印发日期", "公文生成日期", "成文时间")
META_PAGE_DATE_KEYS = ("发布日期", "发布时间", "公开日期", "公开日", "生成日期", "签发时间", "施行日期", "更新时间",
                       "时间", "日期")
META_NUMBER_KEYS = ("发文字号", "文号", "文件编号", "字号", "备注/文号")
META_OTHER_KEYS = ("索引号", "信息分类", "主题分类", "组配分类", "体裁分类", "公开方式", "公开范围", "公开时限",
                   "公开类别", "公文时效", "是否有效", "有效性", "废止日期", "主题词", "所属类目", "体裁", "机构名称",
                   "效力等级", "时效性", "政策级别", "政策主题", "访问次数", "浏览量", "人气", "分类", "法宝引证码",
                   "阅读次数", "浏览次数", "点击数", "点击量", "访问量", "责任编辑", "编辑", "字体", "失效日期",
                   "生效日期", "著录日期", "服务对象", "所属分类", "效力状态")
# Lines of page chrome printed around a title ("导航菜单", "新闻详情"): never part of it.
PAGE_CHROME_LINES = ("导航菜单", "新闻详情", "政府信息公开", "正文", "正文阅览", "文章属性", "搜索位置排序", "打印",
                     "分享", "字号", "关闭目录", "轻触这里", "点赞", "收藏", "转发", "返回顶部", "网站无障碍", "无障碍",
                     "无障碍阅读", "关怀版", "长者版", "适老化", "设为首页", "加入收藏", "繁体", "简体",
                     # a document-sharing site's buttons around its preview
                     "海报", "侵权投诉", "举报", "VIP专免", "VIP免费", "下载", "立即下载", "全文预览",
                     # a policy site's detail page: its heading and buttons ("内容 / 发送至邮箱", "地方政策 / 详细内容")
                     "内容", "发送至邮箱", "详细内容", "地方政策", "政策详情", "政策原文", "原文链接",
                     # a page's note for screen readers
                     "不能读取语音阅读器")
# Labels and buttons a page glues before a title ("主动公开朗读某某计划").
# Verbs joining two sets of units in one subject of 负责: after 会同 the units the first works with, after 协同 the
# units the first assists ("市工商局协同市建委负责": 市建委 leads).
JOINT_LEAD_VERBS = ("会同",)
JOINT_SUPPORT_VERBS = ("协同",)
# Verbs a platform's name holds between its own words and its head, describing what it does: no clause's verb
# ("桃溪农村产业融合发展示范园", "产品质量提升示范区", "心理成长指导中心").
NAME_DESCRIBING_VERBS = ("融合发展", "融合", "发展", "提升", "转型升级", "成长", "高质量发展")
# What a report of a meeting says the meeting did before the decisions it lists ("会议要求:", "会议强调,").
MEETING_DECISION_VERBS = ("要求", "强调", "指出", "明确", "提出", "议定", "决定", "研究决定", "同意", "原则同意",
                          "认为")
# The words a report opens what comes next with ("接下来县科经局将继续…", "下一步,区发改局将…"), and the verb of
# what a unit will do after them (将, also in its traditional form).
FORWARD_LEAD_INS = ("接下来", "接下來", "下一步")
# Words of time a news report opens with before the body it reports on ("日前杭州市人民政府办公厅印发…").
NEWS_TIME_WORDS = ("日前", "近日", "近期", "最近", "今天", "昨天", "今年")
# The copulas between a role key and its units in prose ("其责任单位是市住建局", "责任单位为区发改委").
KEY_COPULAS = ("为", "是")
# The levels a unit's name opens with after the role it plays ("包片单位县气象局").
UNIT_LEVEL_OPENINGS = ("省", "市", "区", "县", "镇", "乡")
# What a metric that ends in a count of people or households counts, where its figure prints only a magnitude
# ("人口380万": 380 万人; "接游人次超过280万": 280 万人次).
COUNTED_METRIC_UNITS = (("人次", "人次"), ("人口", "人"), ("人数", "人"), ("户数", "户"))
# Words that open a list of what a plan names ("包括水头-闹村“黄汤飘香”乡村振兴示范带、…").
LIST_OPENERS = ("包括", "包含", "即", "分别是", "分别为")
# Verbs a goal's clause opens with before the subject it sets the figure of ("实现旅游综合收入…翻一番").
# Words that aim at a figure ("力争2025年底前…", "确保全年新增…"): a goal whatever the year it names.
AIM_WORDS = ("力争", "争取", "确保", "努力实现")
GOAL_OPENING_VERBS = ("实现", "力争", "确保", "争取", "推动", "努力实现", "力争实现", "确保实现")
FORWARD_VERBS = ("将", "將")
# Words a goal stated without a figure ends with ("体制机制全面优化", "营业收入较2021年翻一番"): an item of a list of
# goals, the next item's figure measuring something else ("…全面优化、工业总产值年均增长20%").
# Goals of doubling stated without a figure ("营业收入较2021年翻一番"), each with the factor it multiplies by.
DOUBLING_FACTORS = {"翻一番": 2.0, "翻了一番": 2.0, "翻番": 2.0, "倍增": 2.0, "翻两番": 4.0}
STATED_GOAL_ENDINGS = ("优化", "升级", "提升", "改善", "完善", "健全", "增强", "建成", "形成", "到位",
                       *DOUBLING_FACTORS)
# A unit named by the writer's own point of view ("我局", "贵单位", "本部门"): no name a reader can look up.
DEICTIC_UNIT_PREFIXES = ("贵", "本")
DEICTIC_UNIT_HEADS = ("局", "委", "办", "院", "厅", "单位", "部门", "公司", "中心")
# Words that join a sentence to the one before it, before its subject ("同时政府相关部门要…").
CONNECTIVES = ("同时", "此外", "另外", "与此同时", "并且")
# ... and what opens the clauses that spell out a list just announced ("…八大行动。即县水务局牵头,…").
CLAUSE_OPENERS = CONNECTIVES + ("即",)
# What a unit charged with a task is told to be when it leads it ("县发改局要充分发挥牵头作用").
LEAD_ROLE_PHRASES = ("牵头作用", "牵头抓总", "牵头单位作用")
# Two countries' short names paired in a park's or centre's name whose second is a stop word ("中以常州创新园").
PAIRED_COUNTRY_NAMES = ("中以",)
# What a notice prints in brackets under its text about its own publication ("(此件公开发布)"): no unit's qualifier.
PUBLICATION_NOTES = ("此件", "此页无正文", "公开发布", "主动公开", "依申请公开", "不予公开", "删减后公开")
# How the name of a site a page's title carries after a dash ends ("…开启新征程-东台报业网", "-修水网旗下论坛").
SITE_NAME_ENDINGS = ("网", "网站", "门户网站", "客户端", "论坛", "在线")
PAGE_CHROME_PREFIXES = ("主动公开", "依申请公开", "不予公开", "朗读", "打印", "分享", "收藏", "【字体:大 中 小】",
                        "字体:", "正文内容区域请使用tab按钮切换浏览", "资源描述", "正文复制")
# Endings of the title of a progress report or table on a plan ("…一季度进展情况", "…汇总表").
REPORT_TITLE_ENDINGS = ("进展情况", "执行情况", "推进情况", "完成情况", "落实情况", "汇总表", "一览表", "情况表",
                        "分解表", "发展目标", "进度表", "任务表", "责任表", "台账", "名单", "通报", "汇报",
                        "项目情况", "工作情况", "工作思路", "工作总结", "发言材料", "汇报材料")
# What a list of names ends with: a notice that publishes one ("关于公布…名单的通知") is itself the document.
NAME_LIST_ENDINGS = ("名单", "名录")
# Words of a notice's sentence that hands a named plan over ("现将《X》印发给你们", "《X》…现予印发").
# What a report says of a plan just published, after its 《name》 ("近日,《X》发布").
PLAN_RELEASE_WORDS = ("正式发布", "正式出台", "正式印发", "发布", "出台", "出炉", "印发")
# Adverbs of time a report puts between a plan, or its issuer, and the verb that publishes it ("《X》日前出台",
# "省经信委近日印发实施《X》").
RELEASE_ADVERBS = ("日前", "近日", "近期", "于近日", "已经", "已")
TRANSMIT_WORDS = ("印发给", "现予印发", "予以印发", "现印发", "现将", "印发《", "发布《", "转发《", "印发了《",
                  "发布了《", "印发实施《") + tuple(
    "》" + a + w for a in ("",) + RELEASE_ADVERBS for w in PLAN_RELEASE_WORDS)
# Kinds of document a "X关于…的Y" title names; the title ends with one of them.
TITLE_KINDS = ("通知", "通报", "公告", "通告", "决定", "实施意见", "若干政策意见", "政策意见", "若干意见", "指导意见",
               "意见", "若干措施", "措施", "办法", "方案", "规划", "计划", "细则", "规定")
# Kinds of notice whose own title names the document when it hands down no named plan ("关于…分配计划的公告").
# Words that open a clause of a condition, which names no unit where a list of units holds one
# ("若工作涉及多个处室的,列第一的为牵头责任处室").
CONDITION_OPENERS = ("若", "如果", "如遇", "如涉及", "凡涉及", "涉及多个")
# Verbs of the state a share of a set is to reach ("70%以上的可治理沙地得到治理", "90%以上的研发机构设立在企业").
SHARE_STATE_VERBS = ("得到", "实现", "达到", "建成", "创成", "设立在", "集中在", "来源于", "享有", "完成", "纳入",
                     "接入", "覆盖", "开展", "具备", "达标", "获得", "建立", "配备", "脱贫", "通过")
# The nouns that close a list of firms ("新浪、360集团、联想等龙头企业", "农发行、中国银行、湖北银行等金融机构").
FIRM_GROUP_NOUNS = ("企业", "公司", "集团", "厂商", "运营商", "车企", "药企", "金融机构", "银行")
# ... of them, those a list of banks ends with, whose items are banks by name ("中国银行", "农发行").
FINANCIAL_GROUP_NOUNS = ("金融机构", "银行")
NOTICE_KINDS = ("通知", "公告", "通告")
# What goes on after a 文号 a sentence cites: the words it governs, or a list it is an item of.
CITED_NUMBER_FOLLOWERS = ("文件", "精神", "要求", "规定", "等", "和", "及", "、", ",", "，", "的")
# What a title or a letterhead ends with when a 文号's code is glued after it ("…的通知滁政秘〔2022〕148号",
# "某市人民政府文件新政发〔2021〕19号"): words no code holds.
NUMBER_GLUE_ENDS = ("通知", "公告", "通告", "意见", "方案", "决定", "要点", "安排", "批复", "办法", "细则", "清单",
                    "文件")
# Words of a notice that asks the public about a draft ("关于公开征求《X》意见的公告"): the plan it names is the title.
CONSULTATION_WORDS = ("征求", "征集", "公示")
# Verbs of a notice that hands a plan down ("关于印发《X》的通知", "关于下达…计划的通知").
TRANSMIT_VERBS = ("印发", "转发", "批转", "下达", "公布")
# Of those, the verbs that also title a notice printed without 关于 ("某市人民政府办公室印发某某意见的通知").
ISSUING_VERBS = ("印发", "转发", "批转")
# Verbs between a body and the title it issues in a news report ("安徽省人民政府发布关于…的通知").
ISSUE_VERBS = ("印发了", "发布了", "印发实施", "印发", "发布", "出台")
# Verbs of making a plan still to come ("科学编制“十五五”规划", "谋划十五五"): a period so named is not the page's own.
PLAN_MAKING_VERBS = ("编制", "谋划", "启动", "研究", "前期", "制定", "编好")
# Verbs a news page or a notice uses for the plan it reports ("咸宁市出台《…三年行动方案》", "研究制定了《…》"): the
# plan so named is the page's subject when the page prints no title of its own.
PUBLISHING_VERBS = ISSUING_VERBS + ("出台", "发布", "公布", "制定", "制订", "审定", "推出", "提交", "实施",
                                    "解读", "出炉", "下发", "编制", "通过", "近日")

# Endings of a place-like platform name ("数字产业金廊", "多福湾新质区", "增城侨梦苑"): an item of a list that names
# a platform is one too when it ends like this.
# Words that open an adverbial phrase before a sentence's clause ("针对畜禽粪便直排现象,由各乡镇政府牵头,…").
ADVERBIAL_OPENERS = ("针对", "围绕", "对于", "按照", "根据", "结合", "通过", "为了")
# Words that open a plan's preamble ("为深入贯彻…,制定本方案"): a title glued before one ends there.
PREAMBLE_OPENERS = ("为深入", "为贯彻", "为全面", "为进一步", "为加快", "为推动", "为推进", "为落实", "为切实",
                    "为着力", "为大力", "为持续", "为积极", "为促进", "为认真", "为了", "根据", "按照", "依据",
                    "今年以来")
# A document's lead convention: "列第一位的为牵头单位" (the first listed leads), "(逗号前为牵头单位,下同)" (the units
# before a list's first comma, or semicolon, lead; group `sep` names which).
# "排在前位为牵头部门": the first places of a list, as 第一 or 首 name the first; "由排名首位的部门牵头负责"
_FIRST_LISTED = (r"(?:(?:(?:列|排|位|名)?[于在]?(?:第一|首)|(?:列|排)[于在]?前)(?:位|个|名)?(?:的|者)?(?:责任)?"
                 r"(?:单位|部门)?"
                 r"(?:为|是|作为)[^,，。;；)）\n]{0,6}?(?:牵头|主要责任|主责|主办)"
                 # "原则上由排名首位的部门牵头负责": the first listed unit as the subject of 牵头
                 r"|(?:列|排|位|名)?[于在]?(?:第一|首)(?:位|个|名)?(?:的|者)?(?:单位|部门)牵头)")
_BEFORE_SEPARATOR = (r"(?P<sep>逗号|分号)(?:之)?前(?:面的|的|面)?(?:单位|部门)?(?:为|是)"
                     r"[^,，。;；)）\n]{0,6}?(?:牵头|主要责任|主责|主办)")
# The lookahead (the characters a convention can open with) only speeds up the scan.
LEAD_CONVENTION = re.compile(rf"(?=[列排位名于在第首逗分])(?:{_FIRST_LISTED}|{_BEFORE_SEPARATOR})")
# The convention as a bracketed note printed with a unit list ("…(办事处)。(分号前面为牵头单位,下同)"): no unit.
LEAD_CONVENTION_NOTE = re.compile(rf"[{re.escape(OPEN_BRACKETS)}][^{re.escape(OPEN_BRACKETS + CLOSE_BRACKETS)}]*?"
                                  rf"{LEAD_CONVENTION.pattern}[^{re.escape(CLOSE_BRACKETS)}]*[{re.escape(CLOSE_BRACKETS)}]")
# Group nouns after a coordinated list that classify the places listed, each named on its own ("亚布力、北大湖等
# 国家级滑雪旅游度假地"), where other group nouns complete abbreviations ("之江、西湖等省实验室").
CLASSIFYING_GROUP_NOUNS = ("景区", "旅游度假区", "度假区", "旅游度假地", "度假地", "滑雪旅游度假地")
CLASSIFYING_GROUP_KIND = "tourism zone"  # what the places such a noun classifies are
# Words that qualify a coordinated list's group noun without designating it ("嘉定氢能港、新能港等重点特色园区"):
# no part of the listed platforms' names.
GROUP_MODIFIERS = ("重点", "特色", "重大", "优势", "主要", "核心", "骨干", "品牌", "知名", "精品")
PLACE_ENDINGS = ("片区", "新城", "小镇", "园区", "基地", "中心", "走廊", "金廊", "廊", "港", "区", "园", "城", "谷",
                 "湾", "岛", "苑", "轴")


@lru_cache(maxsize=1)
def _META_KEYS() -> frozenset[str]:
    return frozenset(META_TITLE_KEYS + META_ISSUER_KEYS + META_SOURCE_KEYS + META_DATE_KEYS + META_PAGE_DATE_KEYS
                     + META_NUMBER_KEYS + META_OTHER_KEYS)


# Ends of the names of fields whose values are never a target's figure ("监督电话:12317", "完成时限:2024年",
# "责任单位:…", "主要目标如下:"): a figure after such a field measures nothing by that name.
NON_METRIC_FIELD_ENDS = ("电话", "手机", "传真", "时间", "时限", "日期", "年度", "期限", "地址", "邮编", "邮箱", "如下",
                         "单位", "部门", "科室", "领导", "负责人", "联系人", "编号", "文号", "序号", "名称", "内容")


def meta_key_line(line: str) -> bool:
    """Whether a line holds a page's metadata fields rather than words: it opens with keys only ("文  号 废止日期",
    "有效性", "审核"), or with a key of three characters or more and then a space ("所属分类 为民办实事 效力状态 有效"),
    or names two keys of three characters or more with words between them ("责任部门 某局 公开方式 主动公开").

    >>> [meta_key_line(x) for x in ("文        号 废止日期", "审核", "所属分类 为民办实事 效力状态 有效",
    ...                             "责任部门 西夏区文化局 公开方式 主动公开", "分类推进垃圾治理实施方案")]
    [True, True, True, True, False]
    """
    keys = _META_KEYS() | frozenset(EDITOR_CREDIT_KEYS)
    if meta_keys_only(line):
        return True
    bare = re.sub(r"\s+", "", line).rstrip(":：")
    first = re.match(r"\S+", line.strip())
    if first and len(first.group(0).rstrip(":：")) >= 3 and first.group(0).rstrip(":：") in keys \
            and len(line.strip()) > len(first.group(0)):
        return True
    return sum(1 for k in keys if len(k) >= 4 and k in bare) >= 1 and len(line.split()) >= 4


def meta_keys_only(line: str) -> bool:
    """Whether a line holds metadata keys and nothing else ("文  号 废止日期", "有效性", "审核"): the next line is a
    value.

    >>> meta_keys_only("文        号 废止日期"), meta_keys_only("所属分类 为民办实事")
    (True, False)
    """
    bare = re.sub(r"\s+", "", line)
    return bool(bare) and _meta_key_run().fullmatch(bare) is not None


@lru_cache(maxsize=1)
def _meta_key_run() -> re.Pattern[str]:
    keys = tuple(k for k in _META_KEYS() | frozenset(EDITOR_CREDIT_KEYS) if len(k) >= 2)
    return re.compile(rf"(?:(?:{alternation(keys)})[:：]*)+")


def is_meta_key(text: str) -> bool:
    """Whether a line is a key of a page's metadata fields ("发文单位", "索引号:").

    >>> is_meta_key("发文单位"), is_meta_key("牵头单位")
    (True, False)
    """
    return re.sub(r"\s+", "", text).rstrip(":：") in _META_KEYS()


# Verbs and function words that stand before a name, never inside one (longest first).
NAME_STOPWORDS = tuple(sorted(set("""
建设 推进 支持 依托 加快 打造 创建 争创 发挥 提升 推动 做大做强 做强 纳入 联动 筹建 大力 积极 加强 完善 深化 开展
实施 形成 成为 包括 围绕 聚焦 引进 共建 设立 组建 布局 构建 谋划 申报 认定 入驻 落地 进驻 提供 参与 融入 承接 鼓励
引导 吸引 全力 加速 助力 助推 新增 规范 取消 撤销 简称 所称 探索 升级 迭代 新建 建成 扩大 深入 推广 复制 增强
增设 参加 利用 通过 结合 面向 瞄准 着力 收购 并购 兼并 继续 评定 评选 不断 切实 关于
优化 支撑 服务于 高标准 高质量 高起点 高水平 全面 持续 进一步 充分 更好 加大 落实 编制 推行 制定 指导 建立 健全
培育 招引 引育 集聚 汇聚 打响 举办 承办 主导 牵头 会同 配合 负责 成立 启动 运营 管理 放大 强化 推进建设 加快推进
服务保障 保障 以上 以 在 向 为
改扩建 扩建 改建 迁建 续建 已建 在建 开工 动工 拥有 突出 部署 关注 对接 协调解决
拓展 做好 用好 争取 修编 印发 获批 完成 列入 下达 尽快 晋升 扶持 努力实现 力争 签约 签署
对 将 把 从 于 并 及 等 的 与 和 以及 或 让 使 了 是 重点支持 依法 大批 一批
对接 主动对接 理顺 接轨 携手 借助 依靠 立足 对标 擦亮 激活 盘活 申建 创成 提速 做优 做精 培强 壮大 启用 投用
揭牌 跻身 入选 荣获 挂牌 争列 融合发展 抢抓 细化 坚持 统筹考虑 科学规划 已有 锁定 进入 共有 成功 分别
前往 来到 走进 组织 邀请 动员 促成 帮助
督促 先后 相继 紧盯 盯紧 聚焦
引领 改造 修复 整治 提前 目前 当前 年内 已经 已与 确定 也是 中共 抓好 重点抓好 辐射带动 带动 辐射
举行 召开 督导 调研 视察 考察 察看 观摩 巩固 巩固提升 重点开发 提出 指出 强调 及时
维护 明确 提质 宣传推介 入住 增添 改善 既有 涉及 承担 获得 出台 原则同意 开辟 今年
确认 授予 参照 期间 其中 介绍 即 到 代表 协助 时期 挖掘 就 紧抓 抓紧 获评 另有 还有 标志着
下设 建强 做大 提高 享受 享有 随着 靠近 此次 命名 记者 获悉 了解到
""".split()), key=lambda w: (-len(w), w)))


@lru_cache(maxsize=1)
def opening_verb() -> re.Pattern[str]:
    """The verbs and function words of two characters or more (`NAME_STOPWORDS`), matched where a string opens:
    a string that opens with one is a clause ("创建国家级示范区", "实施城南片区"), not a name.

    >>> opening_verb().match("创建国家级示范区").group(0), opening_verb().match("巡鹰") is None
    ('创建', True)
    """
    return re.compile(alternation(tuple(w for w in NAME_STOPWORDS if len(w) >= 2)))

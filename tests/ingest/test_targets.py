"""Quantitative targets and standards."""

from ingest.targets import extract_targets


def one(text):
    [t] = extract_targets(text)
    return t


def test_percentage_with_floor_and_scope():
    t = one("全县失能特困人员集中供养率稳定保持在60%以上。")
    assert (t.value, t.unit, t.comparator, t.scope) == (60, "%", ">=", "全县")
    assert t.indicator == "失能特困人员集中供养率"


def test_deadline_year_from_the_sentence():
    t = one("2025年年底以前，全县养老机构护理型床位占比提高到65%以上。")
    assert (t.value, t.year, t.comparator) == (65, 2025, ">=")
    assert one("到2025年，养老服务机构等级评定率不低于80%。").year == 2025


def test_area_standards_per_hundred_households_and_per_site():
    ts = extract_targets("新建城镇居住区按照每百户不低于20平方米、单处不低于200平方米的标准配建。")
    assert [(t.value, t.unit, t.comparator, t.scope) for t in ts] == [
        (20, "平方米", ">=", "每百户"), (200, "平方米", ">=", "单处")]


def test_money_standard_per_person_per_month():
    t = one("按照每人每月2400元的标准提供机构照护服务。")
    assert (t.value, t.unit, t.scope) == (2400, "元", "每人每月")


def test_counts_take_the_noun_after_the_number():
    t = one("到2025年，全区建成1所示范性公办养老服务机构。")
    assert (t.value, t.unit, t.comparator, t.year, t.scope) == (1, "所", "=", 2025, "全区")
    assert "示范性公办养老服务机构" in t.indicator


def test_upper_bounds_and_strict_comparators():
    assert one("单户授信额度最高5000万元。").comparator == "<="
    assert one("建筑面积1000平方米以下的独栋建筑。").comparator == "<="
    assert one("服务对象超过300人。").comparator == ">"


def test_chinese_numeral_frequency():
    t = one("每周开展至少一次探访关爱服务。")
    assert (t.value, t.unit, t.comparator, t.scope) == (1, "次", ">=", "每周")
    assert extract_targets("给予一次性奖补，深化综合查一次改革。") == []
    assert all(t.unit != "次" for t in extract_targets("清单每2年动态调整一次。"))  # the period is the figure


def test_range_with_a_multiplier_on_both_ends_and_ten_thousand_units():
    t = one("验收合格后按每个5万—8万元的标准给予一次性建设补助。")
    assert (t.value, t.value_max, t.unit) == (5, 8, "万元")
    assert (one("全省新增普惠养老床位2万张以上。").unit, one("累计培训养老护理员不少于5万人次。").unit) == ("万张", "万人次")


def test_markdown_table_under_a_header_gives_the_target_column():
    text = ("主要指标详见下表。\n| 序号 | 指标名称 | 单位 | 2023年基数 | 2025年目标 | 责任单位 |\n"
            "| 1 | 每千名老年人拥有养老床位数 | 张 | 28.6 | ≥32 | 区民政局 |\n"
            "| 2 | 持证养老护理员数 | 人 | 12.4 | 力争20 | 区人社局 |")
    got = [(t.indicator, t.value, t.unit, t.comparator, t.year) for t in extract_targets(text)]
    assert got == [("每千名老年人拥有养老床位数", 32, "张", ">=", 2025), ("持证养老护理员数", 20, "人", "=", 2025)]


def test_numbers_written_in_chinese():
    from ingest.numerals import chinese_number

    assert [chinese_number(x) for x in ("十二", "四百五十", "六千", "百", "一千零五十", "二三")] == [12, 450, 6000, 100, 1050, None]
    got = lambda t: [(x.value, x.unit, x.comparator) for x in extract_targets(t)]  # noqa: E731
    assert got("护理型床位占比达到百分之六十。") == [(60, "%", "=")]
    assert got("三年内完成改造不少于四百五十户，户均补助标准不超过六千元。") == [(450, "户", ">="), (6000, "元", "<=")]
    assert got("2024年新建中心两个、服务站十五个。") == [(2, "个", "="), (15, "个", "=")]


def test_chinese_numbers_that_are_not_targets():
    for text in ("推动建设一批普惠性养老机构。", "每千名老年人拥有养老床位。", "建立“一人一档”服务台账。",
                 "4. 建设四个阵地。一是试点示范引领阵地。", "全县共有三个街道。", "给予一次性补助。"):
        assert extract_targets(text) == [], text


def test_whitespace_aligned_rows_stay_rows_in_running_text():
    text = ("主要指标见表1。\n表1　主要指标\n序号  指标名称          单位   2023年现状   2026年目标\n"
            "1     养老床位数        张     28           ≥32\n2     护理型床位占比    %      46           ≥60")
    from ingest.normalize import repair_breaks

    joined = repair_breaks(text.split("\n"))
    assert joined.count("\n") == 4, joined
    assert [(t.value, t.unit, t.comparator, t.year) for t in extract_targets(joined)] == [
        (32, "张", ">=", 2026), (60, "%", ">=", 2026)]


def test_table_with_an_indicator_per_column_and_a_place_per_row():
    text = ("| 县（市、区） | 新增护理型床位（张） | 护理型床位占比（%） |\n| --- | --- | --- |\n"
            "| 万秀区 | 650 | ≥65 |\n| 合计 | 5000 | ≥60 |")
    got = [(t.indicator, t.value, t.unit, t.comparator, t.scope) for t in extract_targets(text)]
    assert got == [("新增护理型床位", 650, "张", "=", "万秀区"), ("护理型床位占比", 65, "%", ">=", "万秀区"),
                   ("新增护理型床位", 5000, "张", "=", "合计"), ("护理型床位占比", 60, "%", ">=", "合计")]


def test_html_table_left_in_a_web_export_one_cell_per_line():
    from ingest.normalize import repair_breaks, source_lines

    html = ("具体标准见下表：\n<table border=\"1\">\n<tr>\n<td><p>补贴类别</p></td>\n<td><p>发放对象</p></td>\n"
            "<td width=\"140\"><p align=\"center\">标准（元/人/月）</p></td>\n</tr>\n<tr>\n<td><p>轻度失能护理补贴</p></td>\n"
            "<td><p>轻度失能的经济困难老年人</p></td>\n<td><p>100</p></td>\n</tr>\n</table>\n")
    text = repair_breaks([ln.text for ln in source_lines(html)])
    assert "<td" not in text and "| 轻度失能护理补贴 |" in text
    got = [(t.indicator, t.value, t.unit, t.scope) for t in extract_targets(text)]
    assert got == [("轻度失能护理补贴", 100, "元", "每人每月")]


def test_the_present_and_scoring_rules_are_not_targets():
    for text in ("答：截至2023年底，全县老年人口达6.2万人，占17.6%。", "目前，全县共有养老机构5家、床位820张。",
                 "乡镇综合养老服务中心建成并正常运营的，得10分。", "考核分为日常考核和年终考核，日常考核占40%。"):
        assert extract_targets(text) == [], text
    assert [t.value for t in extract_targets("到2025年，全县养老床位达到820张。")] == [820]
    assert extract_targets("做到建成一处、运营一处、见效一处。") == [], "a slogan"


def test_ranges_carry_value_max():
    t = one("力争创建1-2个全国示范性老年友好型社区。")
    assert (t.value, t.value_max, t.unit) == (1, 2, "个")


def test_dates_numbers_titles_and_ages_are_not_targets():
    text = "根据《某方案（2023—2025年）》（某政发〔2023〕12号）第3条，8月15日启动，80周岁以上老年人享受补贴，从事护理满6个月以上。"
    assert extract_targets(text) == []


def test_table_row_on_one_line():
    text = "序号 项目内容 目标值 建设周期 实施单位\n3 标准化农村区域性养老服务中心（个） 3个 2024—2025年 各镇\n1 覆盖率 (%) 100% 2024—2025年 民政局"
    ts = extract_targets(text)
    assert [(t.indicator, t.value, t.unit, t.year) for t in ts] == [
        ("标准化农村区域性养老服务中心", 3, "个", 2025), ("覆盖率", 100, "%", 2025)]


def test_table_header_over_value_row():
    text = "床位总量(张) 护理型床位占比\n7763 55%"
    ts = extract_targets(text)
    assert [(t.indicator, t.value, t.unit) for t in ts] == [("床位总量", 7763, "张"), ("护理型床位占比", 55, "%")]


def test_listed_values_share_the_comparator():
    ts = extract_targets("新建、老旧居住区分别按照每百户不低于30平方米、20平方米的标准配建。")
    assert [(t.value, t.comparator, t.scope) for t in ts] == [(30, ">=", "每百户"), (20, ">=", "每百户")]


def test_a_bare_verb_before_the_value_gives_way_to_the_noun_after_it():
    paid = extract_targets("分别给予每人每月 150 元、100 元、50 元的补贴。")
    assert [(t.indicator, t.value) for t in paid] == [("补贴", 150), ("补贴", 100), ("补贴", 50)]
    assert extract_targets("每个社区有 1 处养老服务场所。")[0].indicator == "养老服务场所数量"
    assert extract_targets("给予每人每月 100 元的床位运营补贴。")[0].indicator == "床位运营补贴"


def test_range_with_the_unit_on_both_ends_and_rate_units_as_unit_and_scope():
    ts = extract_targets("床位费收费标准为每人每月800元至1200元。按照600元/张/年的标准给予运营补贴。"
                         "服务标准为200元/人·月。")
    assert [(t.value, t.value_max, t.unit, t.scope) for t in ts] == [
        (800, 1200, "元", "每人每月"), (600, None, "元", "每张每年"), (200, None, "元", "每人每月")]


def test_whitespace_aligned_table_takes_the_target_column_not_the_baseline():
    text = ("序号  指标名称                    单位   2022年基数   2025年目标   指标属性\n"
            "1     居家养老服务中心覆盖率       %      86.7         100          约束性\n"
            "2     护理型床位占比               %      52.3         ≥60          约束性\n"
            "5     家庭养老照护床位             张     126          ≥300         预期性")
    ts = extract_targets(text)
    assert [(t.indicator, t.value, t.unit, t.comparator, t.year) for t in ts] == [
        ("居家养老服务中心覆盖率", 100, "%", "=", 2025), ("护理型床位占比", 60, "%", ">=", 2025),
        ("家庭养老照护床位", 300, "张", ">=", 2025)]


def test_durations_count_only_with_a_comparator_touching_the_number():
    t = one("单个机构年度贴息额度内，贴息期限最长不超过3年。")
    assert (t.value, t.unit, t.comparator) == (3, "年", "<=")
    assert one("运营合同期一般在10年以上。").comparator == ">="
    assert extract_targets("到2025年底，每2年调整一次，连续3年开展评估。") == []


def test_percentage_points_are_their_own_unit():
    ts = extract_targets("护理型床位占比达到72%，较2023年提高8个百分点。")
    assert [(t.value, t.unit) for t in ts] == [(72, "%"), (8, "个百分点")]


def test_a_present_state_section_states_no_targets():
    assert extract_targets("一、发展基础\n截至2025年9月底，全县建成乡镇敬老院16所；护理型床位占比达到58%。") == []
    assert len(extract_targets("（三）改善养老机构现状\n到2027年，护理型床位占比达到70%。")) == 1


def test_a_figure_adjusted_from_is_a_baseline():
    ts = extract_targets("将居家养老服务补贴标准由每人每月100—200元调整为每人每月150—300元。")
    assert [(t.value, t.value_max) for t in ts] == [(150, 300)]


def test_chinese_numeral_items_count_only_after_a_comparator():
    assert [(t.value, t.unit) for t in extract_targets("每户基础类项目不少于五项。")] == [(5, "项")]
    assert extract_targets("同时符合条件的，按照就高原则享受一项补贴。") == []


def test_year_columns_are_targets_and_the_baseline_column_is_not():
    table = ("| 序号 | 指标名称 | 单位 | 2025年基数 | 2026年 | 2028年 | 2030年 |\n| --- | --- | --- | --- | --- | --- | --- |\n"
             "| 1 | 家庭养老床位数 | 张 | 120 | 200 | 350 | 500 |")
    assert [(t.value, t.unit, t.year) for t in extract_targets(table)] == [(200, "张", 2026), (350, "张", 2028), (500, "张", 2030)]


def test_a_table_cell_with_its_own_unit_and_comparator():
    table = ("服务对象类别              补贴标准（元/人/月）    每月服务时长\n"
             "城乡低保对象中的失能老年人        300                不少于10小时")
    ts = extract_targets(table)
    assert [(t.value, t.unit, t.comparator) for t in ts] == [(300, "元", "="), (10, "小时", ">=")]


def test_an_ocr_space_inside_a_short_number_touching_its_unit():
    assert [(t.value, t.unit) for t in extract_targets("县财政按每个中心5 0万元给予改造补助。")] == [(50, "万元")]
    # A spaced number in ordinary text is not glued to the number before it.
    assert [(t.value, t.unit) for t in extract_targets("新增护理型床位 20 张，每人每月 3 元。")] == [
        (20, "张"), (3, "元")]


def test_tiered_tables_an_empty_cell_and_a_second_table_with_other_columns():
    text = ("具体标准见表1。\n表1　分档补贴标准\n"
            "档次    服务补贴（元/人·月）    建床补贴（元/张）    助餐补贴（元/人·餐）\n"
            "一档            600                  3000                   5\n"
            "三档            300                   —                     3\n"
            "运营补贴分档核定，具体标准见表2。\n表2　运营补贴标准\n"
            "档次          星级        年度运营补贴（万元）\n"
            "一档          五星级            12\n"
            "二档          四星级             8\n")
    got = [(t.value, t.unit, t.scope) for t in extract_targets(text)]
    assert (300, "元", "三档") in got and (3, "元", "三档") in got  # the — cell spoils nothing
    assert (12, "万元", None) in got and (8, "万元", None) in got  # the second header starts a new table
    assert all(t[0] != 0 for t in got)  # （万元） is a unit, not the number 万


def test_per_unit_increments_and_a_tab_between_a_number_and_a_cell_are_not_targets():
    text = "按照每个每年2万元的标准给予运营补助；就餐老年人超过20人的，每超过1人每年增加补助300元。"
    assert [(t.value, t.unit) for t in extract_targets(text)] == [(2, "万元"), (20, "人"), (300, "元")]
    row = "6\t家庭养老床位建设\t县民政局\t县财政局\t每年12月底前"
    assert extract_targets(row) == []
    assert [(t.value, t.unit) for t in extract_targets("每个中心厨房日供餐能力不少于500份。")] == [(500, "份")]


def test_a_markdown_indicator_table_with_category_rows_and_a_note_in_a_label():
    table = ("| 指标 | 2020年基数 | 2025年目标 | 属性 |\n| --- | --- | --- | --- |\n| 一、养老服务供给 | | | |\n"
             "| 养老床位总数（张） | 5680 | 6800 | 预期性 |\n| 二、人才队伍 | | | |\n"
             "| 养老护理员培训人次（“十四五”累计） | — | 5000 | 预期性 |")
    assert [(t.value, t.unit, t.year) for t in extract_targets(table)] == [(6800, "张", 2025), (5000, "人次", 2025)]
    assert [(t.value, t.unit) for t in extract_targets("能够提供6类以上中医药技术方法，每床配置设备不少于2件。")] == [
        (6, "类"), (2, "件")]
    assert extract_targets("将服务对象分为3类。") == []  # kinds count only beside a comparator


def test_old_standards_counts_of_the_items_below_and_slogans_are_not_targets():
    text = "80—89周岁每人每月100元（原标准为每人每月50元）；确保不漏一人。全年重点抓好以下27项工作。"
    assert [(t.value, t.unit) for t in extract_targets(text)] == [(100, "元")]
    text = "推广适老化产品20种，举办培训4期，归集数据5万条，配备助浴车2辆，打造康养线路5条。"
    assert [(t.value, t.unit) for t in extract_targets(text)] == [(20, "种"), (4, "期"), (5, "万条"), (2, "辆"), (5, "条")]
    assert extract_targets("依照本办法第5条执行。") == []
    assert [(t.value, t.unit) for t in extract_targets("民政部等22部门联合印发意见，加装电梯30部。")] == [(30, "部")]
    assert [(t.value, t.unit) for t in extract_targets("每餐主食不少于125克，冬季室温不低于18℃。")] == [(125, "克"), (18, "℃")]


def test_a_row_whose_cell_ends_in_a_bracketed_note_is_no_table_header():
    row = "家庭养老床位补贴              建床补贴（一次性）                3000元/张       验收合格后拨付"
    assert [(t.value, t.unit, t.scope) for t in extract_targets(row)] == [(3000, "元", "每张")]


def test_a_row_naming_its_unit_with_one_value_per_column():
    table = ("| 护理服务方式 | 重度失能一级 | 重度失能二级 |\n| --- | --- | --- |\n"
             "| 机构护理（元/人·天） | 40 | 50 |\n| 居家上门护理（元/人·天） | 30 | 38 |")
    got = [(t.value, t.unit, t.scope) for t in extract_targets(table)]
    assert got == [(40, "元", "重度失能一级每人每天"), (50, "元", "重度失能二级每人每天"),
                   (30, "元", "重度失能一级每人每天"), (38, "元", "重度失能二级每人每天")]


def test_a_second_header_line_gives_each_column_its_year():
    table = ("县（市、区）\t新增家庭养老床位（张）\t老年助餐点（个）\n\t2025—2027年累计\t2025年底\n"
             "泰山区\t300\t180\n岱岳区\t400\t220\n合计\t700\t400")
    got = [(t.value, t.unit, t.year, t.scope) for t in extract_targets(table)]
    assert got[:2] == [(300, "张", 2027, "泰山区"), (180, "个", 2025, "泰山区")] and len(got) == 6


def test_counts_of_listed_places_and_a_manual_window_are_read_right():
    text = "在璧城、大路6个街道各建设1个街道养老服务中心；保留不少于2个人工挂号窗口，每层配置灭火器不少于2瓶。"
    assert [(t.value, t.unit) for t in extract_targets(text)] == [(1, "个"), (2, "个"), (2, "瓶")]


def test_the_present_and_brand_names_are_not_targets_but_range_cells_are():
    text = ("近年来，我县加大投入，截至2024年底，老年人口达到36.2万人；建成养老机构58家、床位8600张。"
            "全县现有敬老院11所。构建“15分钟养老服务圈”，到2027年床位达到9000张。")
    assert [(t.value, t.unit) for t in extract_targets(text)] == [(9000, "张")]
    table = ("指标\t单位\t2024年基数\t2025年\t2026年\n养老机构平均入住率\t%\t46\t50—55\t55—60")
    assert [(t.value, t.value_max, t.year) for t in extract_targets(table)] == [(50, 55, 2025), (55, 60, 2026)]


def test_the_objects_of_a_duty_and_common_words_with_a_numeral_are_not_targets():
    text = "县民政局要对全县23所乡镇敬老院和9家民办养老机构实行包保联系制度，废弃口罩消毒后统一处置。到2025年新建3所。"
    assert [(t.value, t.unit) for t in extract_targets(text)] == [(3, "所")]


def test_a_value_row_under_its_header_row_with_an_empty_first_cell():
    table = ("| 某县 | 2025年年底任务数 | | 2027年年底任务数 |\n|---|---|---|---|\n"
             "| | 护理型床位(张) | 集中供养率(%) | 区域养老服务中心总数(所) |\n| | 120 | 60% | 6 |")
    assert [(t.value, t.unit) for t in extract_targets(table)] == [(120, "张"), (60, "%"), (6, "所")]
    text = "每改造1张给予2000元补助，对80周岁及以上老年人每年主动评估1次。"
    assert [(t.value, t.unit) for t in extract_targets(text)] == [(2000, "元"), (1, "次")]


def test_one_off_and_one_by_one_are_not_a_count_of_one():
    text = "对验收合格的，每月组织开展探访一次一人一档，给予一次性建设补贴3000元。"
    assert [(t.value, t.unit) for t in extract_targets(text)] == [(3000, "元")]


def test_grouped_thousands_and_a_numbered_table_across_a_page_break():
    assert [(t.value, t.unit) for t in extract_targets("到2027年底，床位总数达到1 200张。")] == [(1200, "张")]
    table = ("  序号   乡镇      建设方式     床位（张）   完成时间\n   1     紫阳镇    新建           80         2025年\n"
             "                              某县人民政府办公室\n   2     江湾镇    改扩建         6O         2025年\n"
             "   3     清华镇    改扩建         60         2026年\n         合计                    200")
    assert [(t.value, t.unit, t.year) for t in extract_targets(table)] == [(80, "张", 2025), (60, "张", 2026), (200, "张", None)]

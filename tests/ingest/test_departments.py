"""Responsibility annotations and department mentions."""

from ingest.departments import canonical, extract_departments


def roles(text):
    return [(d.name, d.role) for d in extract_departments(text) if d.role != "mentioned"]


def test_lead_and_support_in_one_annotation():
    text = "开展老年人口状况统计。（牵头单位：县统计局；配合单位：县公安局、县民政局）"
    assert roles(text) == [("县统计局", "lead"), ("县公安局", "support"), ("县民政局", "support")]


def test_half_width_brackets_and_colons():
    text = "推进医养结合。(牵头单位:县卫生健康局;配合单位:县医保局)"
    assert roles(text) == [("县卫生健康局", "lead"), ("县医保局", "support")]


def test_annotation_split_across_lines_and_spaces():
    text = "建立探访关爱服务制度。（牵头单位：\n县民政局；配合单位：县委宣传部、 团县委）"
    assert roles(text) == [("县民政局", "lead"), ("县委宣传部", "support"), ("团县委", "support")]


def test_responsible_list_keeps_nested_brackets_and_comma_groups():
    text = "加快发展智慧养老服务。（责任单位：民政局、财政局（金融办），各镇、街道）"
    assert roles(text) == [("民政局", "responsible"), ("财政局（金融办）", "responsible"),
                           ("各镇", "responsible"), ("街道", "responsible")]


def test_unclosed_annotation_runs_to_the_end():
    assert roles("提升服务质量。（责任单位：区民政局、区卫生健康局") == [
        ("区民政局", "responsible"), ("区卫生健康局", "responsible")]


def test_unlabeled_list_after_a_sentence_is_responsible():
    text = "打造农村养老产业。(县民政局、县卫生健康局、县农业农村局)"
    assert [r for _, r in roles(text)] == ["responsible"] * 3


def test_annotation_written_with_role_verbs():
    text = "推行公建民营。（省民政厅牵头，省财政厅、省国资委配合）"
    assert roles(text) == [("省民政厅", "lead"), ("省财政厅", "support"), ("省国资委", "support")]


def test_responsible_by_duty_without_and_beside_a_lead():
    text = "补足配建设施。（省住房城乡建设厅、各县（市、区）人民政府按职责分工负责）"
    assert roles(text) == [("省住房城乡建设厅", "responsible"), ("各县（市、区）人民政府", "responsible")]
    text = "纳入医保协议管理。（省卫生健康委牵头，省民政厅、省医保局等按职责分工负责）"
    assert roles(text) == [("省卫生健康委", "lead"), ("省民政厅", "support"), ("省医保局", "support")]


def test_annotation_on_its_own_line_below_the_item():
    text = "1.建立清单制度。制定发布清单。\n责任单位：县民政局、县财政局\n完成时限：2024年6月底前"
    assert roles(text) == [("县民政局", "responsible"), ("县财政局", "responsible")]
    text = "2.健全评估制度。统一开展评估。\n牵头单位：县民政局  配合单位：县卫健委、县医保局"
    assert roles(text) == [("县民政局", "lead"), ("县卫健委", "support"), ("县医保局", "support")]


def test_role_verbs_inside_a_label():
    text = "1.提高补贴标准。按月发放。（责任单位：县民政局牵头，县财政局、县人社局按职责分工负责）"
    assert roles(text) == [("县民政局", "lead"), ("县财政局", "support"), ("县人社局", "support")]


def test_lead_marked_inside_a_list_and_lists_closed_by_verbs_or_etc():
    assert roles("推进医养结合。（责任单位：县民政局（牵头）、县财政局）") == [
        ("县民政局", "lead"), ("县财政局", "responsible")]
    assert roles("推进医养结合。（牵头单位：县民政局，县财政局、县卫健委配合）") == [
        ("县民政局", "lead"), ("县财政局", "support"), ("县卫健委", "support")]
    assert roles("推进医养结合。【牵头单位：县民政局；配合单位：县财政局等】") == [
        ("县民政局", "lead"), ("县财政局", "support")]
    assert roles("推进医养结合。（责任单位：县民政局等部门）") == [("县民政局", "responsible")]


def test_label_closing_a_task_list_line_and_word_colons():
    text = "1. 制定县级基本养老服务清单。每年动态调整。责任单位：县民政局（牵头），县财政局、县发改局"
    assert roles(text) == [("县民政局", "lead"), ("县财政局", "responsible"), ("县发改局", "responsible")]
    assert roles("推进医养结合。（牵头单位∶县卫生健康局；配合单位∶县民政局）") == [
        ("县卫生健康局", "lead"), ("县民政局", "support")]


def test_departments_that_implement_beside_a_lead_stay_responsible():
    assert roles("推进中心建设。（县民政局牵头，各镇（街道）落实）") == [
        ("县民政局", "lead"), ("各镇（街道）", "responsible")]


def test_provincial_annotations_naming_city_and_county_governments():
    assert roles("补足设施。（省民政厅牵头，各设区市政府负责）") == [("省民政厅", "lead"), ("各设区市政府", "responsible")]
    assert roles("落实补贴。（各市、县（市、区）政府负责）") == [("各市、县（市、区）政府", "responsible")]


def test_a_web_footer_is_not_an_annotation():
    assert roles("第八章 附则\n本办法自印发之日起施行。\n主办单位：某县人民政府办公室 承办单位：某县大数据中心网站标识码：5113220001") == []


def test_verbs_after_a_non_department_are_not_an_annotation():
    assert roles("开展评估。（每年评估一次负责）") == []
    assert roles("组建专班（由分管副县长牵头）统筹推进。") == []


def test_inline_parenthetical_is_not_an_assignment():
    assert roles("完善村（社区）养老服务设施站点，建设中心（站）。") == []


def test_several_annotations_in_one_clause():
    text = "鼓励院校设置专业。（牵头单位：县教育体育局）持续开展培训。（牵头单位：县民政局、县人社局）"
    assert roles(text) == [("县教育体育局", "lead"), ("县民政局", "lead"), ("县人社局", "lead")]


def test_running_text_mentions_are_short_names_not_sentences():
    ds = extract_departments("民政部门要会同住建、市场监管等部门加强监管，由卫健部门牵头。")
    assert {d.role for d in ds} == {"mentioned"}
    assert [d.canonical for d in ds] == ["民政", "住房城乡建设", "市场监管", "卫生健康"]
    assert all(len(d.name) <= 6 for d in ds)


def test_no_mentioned_duplicate_of_an_annotated_department():
    ds = extract_departments("民政部门要加强指导。（牵头单位：县民政局）")
    assert [(d.name, d.role) for d in ds] == [("县民政局", "lead")]


def test_names_inside_cited_titles_are_not_mentions():
    assert extract_departments("根据《省民政厅关于加强养老服务的通知》精神。") == []


def test_canonical_strips_jurisdiction_and_maps_aliases():
    assert {canonical(n) for n in ("县民政局", "区民政局", "民政局", "民政部门")} == {"民政"}
    assert {canonical(n) for n in ("医保局", "县医疗保障局")} == {"医保"}
    assert {canonical(n) for n in ("卫健局", "卫生健康局", "区卫健委", "卫健部门")} == {"卫生健康"}
    assert {canonical(n) for n in ("资规分局", "县自然资源和规划局", "区自然资源局")} == {"自然资源和规划"}
    assert canonical("财政局（金融办）") == "财政"
    assert canonical("市场监管局") == "市场监管"
    assert {canonical(n) for n in ("人民银行江西省分行", "人行东阿县支行")} == {"人民银行"}
    assert {canonical(n) for n in ("江西金融监管局", "国家金融监督管理总局聊城监管分局")} == {"金融监管"}


def test_branches_named_after_their_parent_office_share_its_type():
    assert {canonical(n) for n in ("海口市医疗保障局琼山分局", "县医保分局", "医保局")} == {"医保"}
    assert {canonical(n) for n in ("公安津南分局", "海口市公安局琼山分局", "县公安局")} == {"公安"}
    assert {canonical(n) for n in ("中国电信温宿分公司", "中国移动安吉分公司")} == {"通信运营"}
    assert {canonical(n) for n in ("国网澧县供电公司", "县供电公司")} == {"电力"}
    assert {canonical(n) for n in ("乐寿镇政府", "各街镇", "各镇人民政府")} == {"镇街"}
    assert canonical("县教委") == canonical("县教育局") and canonical("县数据局") == canonical("大数据局")


def test_canonical_of_unknown_name_is_cleaned_not_an_error():
    assert canonical("区养老服务业发展工作联席会议成员单位") == "养老服务业发展工作联席会议成员单位"
    assert canonical(" 整治养老诈骗工作相关职能部门 ") == "整治养老诈骗工作相关职能部门"
    assert canonical("") == ""


def test_a_label_on_the_heading_line_after_a_gap():
    text = "（一）实施居家上门服务　责任单位：市民政局、各县（市、区）民政局\n对符合条件的老年人提供上门服务。"
    assert roles(text) == [("市民政局", "responsible"), ("各县（市、区）民政局", "responsible")]
    assert roles("建立制度，责任单位：县民政局") == []  # mid-sentence: not a label line


def test_subject_labels_supervisors_and_divisions():
    text = "建设长者食堂。（责任主体：县民政局；实施主体：各镇人民政府；协同单位：县财政局；督办单位：县政府督查室）"
    assert roles(text) == [("县民政局", "responsible"), ("各镇人民政府", "responsible"), ("县财政局", "support")]
    assert ("县政府督查室", "mentioned") in [(d.name, d.role) for d in extract_departments(text)]
    assert roles("开展评估。（厅养老服务处牵头，厅办公室配合）") == [("厅养老服务处", "lead"), ("厅办公室", "support")]


def test_short_labels_after_single_sentences_inside_a_paragraph():
    text = ("1.建设助餐网络。全县建成老年助餐点45个（牵头：县民政局；配合：县商务局，各镇（街道））。"
            "补贴由县财政承担（责任：县财政局）；每季度开展检查【牵头：县市场监管局；配合：县民政局】。")
    got = {(d.name, d.role) for d in extract_departments(text)}
    assert {("县民政局", "lead"), ("县商务局", "support"), ("各镇（街道）", "support"), ("县财政局", "responsible"),
            ("县市场监管局", "lead"), ("县民政局", "support")} <= got
    # a bare role word inside a phrase is no label: 压实责任：各部门要…
    assert not {d.role for d in extract_departments("（三）压实责任：县民政局要定期调度。")} - {"mentioned"}


def test_a_bureaus_own_sections_under_a_leader_and_a_section_label():
    text = ("5.建设县级综合养老服务中心。新增护理型床位80张。"
            "（牵头领导：赵德明；责任股室：养老服务股、财务股；责任单位：县社会福利中心）")
    assert [(d.name, d.role) for d in extract_departments(text) if d.role != "mentioned"] == [
        ("养老服务股", "responsible"), ("财务股", "responsible"), ("县社会福利中心", "responsible")]


def test_a_note_after_the_list_inside_the_annotation_is_no_name():
    text = "1.建设中心。到2027年建成10个。（责任单位：市民政局、市财政局，各镇（街道）。列第一位的为牵头单位，下同）"
    assert [d.name for d in extract_departments(text) if d.role == "responsible"] == ["市民政局", "市财政局", "各镇（街道）"]


def test_a_space_inside_a_name_is_not_a_separator_but_one_between_names_is():
    from ingest.department_names import split_items
    assert split_items("县自然资源和\u00a0规划局、县\u00a0卫健委") == ["县自然资源和规划局", "县卫健委"]
    assert split_items("县民政局 县财政局") == ["县民政局", "县财政局"]


def test_time_limit_and_person_fields_after_the_list_are_no_names():
    text = ("（一）加快建设。9月底前完成全年300张建设任务。"
            "（责任单位：县民政局、县财政局，各乡镇人民政府；整改时限：2025年9月30日前；包保责任人：各村党组织书记）")
    assert [d.name for d in extract_departments(text) if d.role == "responsible"] == [
        "县民政局", "县财政局", "各乡镇人民政府"]


def test_a_verb_after_a_comma_covers_the_list_before_it():
    text = "2.建设颐康服务站。2025年底前覆盖率达到65%。（县民政局、县委组织部，各镇人民政府按职责分工负责）"
    assert [(d.name, d.role) for d in extract_departments(text)] == [
        ("县民政局", "responsible"), ("县委组织部", "responsible"), ("各镇人民政府", "responsible")]

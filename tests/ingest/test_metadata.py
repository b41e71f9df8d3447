"""Document metadata: 文号 repair, title, issuers, date, jurisdiction; scored against the gold labels."""

from __future__ import annotations

import json

import pytest

from ingest.metadata import extract_metadata
from ingest.prefixes import find_numbers, issuer_for_number, normalize_number

FIELDS = ("doc", "title", "date", "region", "city", "province", "level")


@pytest.mark.parametrize(
    "raw",
    ["鲁政办发〔2022〕18号", "鲁政办发[2022]18号", "鲁政办发【2022】18号", "鲁政办发(2022)18号",
     "鲁政办发［2022］18号", "鲁政办发（2022）18号", "鲁政办发 〔 2022 〕 18 号", "鲁政办发〔202218号"],
)
def test_number_brackets_normalized_and_repaired(raw):
    assert normalize_number(raw) == "鲁政办发〔2022〕18号"


def test_mangled_number_is_repaired():
    assert normalize_number("衢政办发〔202316号") == "衢政办发〔2023〕16号"
    assert normalize_number("到2025年建成20个") is None


def test_find_numbers_in_running_text():
    text = "根据《意见》（鲁政办发〔2022〕18号）和《通知》(中发[2024]32号)精神"
    assert [n for *_, n in find_numbers(text)] == ["鲁政办发〔2022〕18号", "中发〔2024〕32号"]


@pytest.mark.parametrize(
    ("number", "issuer", "level"),
    [("国办发〔2019〕5号", "国务院办公厅", "national"), ("中办发〔2023〕1号", "中共中央办公厅", "national"),
     ("鲁政办发（2022）18号", "山东省人民政府办公厅", "provincial"), ("聊政办字〔2023〕19号", "聊城市人民政府办公室", "city")],
)
def test_issuer_for_number(number, issuer, level):
    got = issuer_for_number(number)
    assert got["issuer"] == issuer and got["level"] == level


def test_issuer_for_unknown_prefix_is_none():
    assert issuer_for_number("某某发〔2020〕1号") is None
    assert issuer_for_number("不是文号") is None


def test_general_rule_county_after_city_and_chinese_numeral_date():
    text = (
        "中共南阳市新野县委办公室文件\n\n新办〔2021〕7号\n\n关于印发《新野县养老服务\n\n提升方案》的通知\n\n"
        "各乡镇：\n\n现将方案印发给你们，请认真贯彻落实。\n\n中共南阳市新野县委办公室\n\n二〇二一年三月十五日\n\n"
        "新野县养老服务提升方案\n\n为提升养老服务，制定本方案。\n\n一、总体要求\n\n内容。\n"
    )
    meta = extract_metadata(text)
    assert meta["doc"] == "新办〔2021〕7号"
    assert meta["title"] == "新野县养老服务提升方案"
    assert meta["issuers"] == ["中共南阳市新野县委办公室"]
    assert meta["date"] == "2021-03-15"
    assert (meta["region"], meta["city"], meta["province"], meta["level"]) == ("新野县", "南阳市", "河南省", "county")


def test_title_from_notice_when_no_title_line_and_web_date():
    text = (
        "文号: | 苏政办发〔2023〕9号 | 成文日期: | 2023-05-06 |\n苏政办发〔2023〕9号\n江苏省人民政府办公厅\n"
        "关于印发《江苏省养老服务\n条例实施办法》的通知\n各市人民政府：\n现印发给你们，请认真贯彻执行。\n"
        "一、总体要求\n内容。\n"
    )
    meta = extract_metadata(text)
    assert meta["title"] == "江苏省养老服务条例实施办法"
    assert meta["date"] == "2023-05-06"
    assert (meta["province"], meta["level"]) == ("江苏省", "provincial")


def test_quoted_title_in_notice_wins_over_a_body_line_that_drops_a_word():
    text = (
        "某县委办公室文件\n\n某办〔2022〕3号\n\n印发《关于加强养老服务体系建设的实施意见》的通知\n\n各乡镇：\n\n"
        "现印发给你们。\n\n某县委办公室\n\n2022年3月2日\n\n关于加强养老服务体系的实施意见\n\n为加强养老服务，提出如下意见。\n\n"
        "一、总体要求\n\n内容。\n"
    )
    assert extract_metadata(text)["title"] == "关于加强养老服务体系建设的实施意见"


def test_body_numbers_do_not_become_the_document_number():
    text = "标题方案\n\n为落实《意见》（国办发〔2019〕5号），制定本方案。\n\n一、要求\n\n内容。\n"
    assert extract_metadata(text)["doc"] is None


def _gold_documents(eval_dir):
    gold_dir = eval_dir / "gold"
    for path in sorted(gold_dir.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            if rec.get("type") == "document":
                yield path.name.replace(".jsonl", ".txt"), rec


def test_gold_document_fields_match(corpus_dir, eval_dir):
    """Exact field match on every gold document record; issuers must match too."""
    scored = 0
    for source, gold in _gold_documents(eval_dir):
        meta = extract_metadata((corpus_dir / source).read_text(encoding="utf-8"))
        wrong = {f: (meta[f], gold[f]) for f in FIELDS if f in gold and meta[f] != gold[f]}
        titles = [gold["title"], *gold.get("title_variants", [])]
        if meta["title"] in titles:
            wrong.pop("title", None)
        assert not wrong, (source, wrong)
        issuers = [gold["issuer"], *gold.get("issuer_variants", [])]
        assert meta["issuers"] in issuers, (source, meta["issuers"], gold["issuer"])
        scored += 1
    assert scored > 0, "no document records in the gold files"


def test_every_corpus_document_has_number_title_date_and_place(corpus_dir):
    for path in sorted(corpus_dir.glob("*.txt")):
        meta = extract_metadata(path.read_text(encoding="utf-8"))
        assert meta["doc"] and meta["doc"].endswith("号") and "〔" in meta["doc"], path.name
        assert meta["title"] and "通知" not in meta["title"] and " " not in meta["title"], path.name
        assert meta["date"] and meta["issuers"] and meta["province"] and meta["level"], path.name


def test_document_without_wrapper_signed_at_the_end():
    text = (
        "某某市人民政府办公室关于推进养老服务发展的意见\n某政办字〔2023〕19号\n各县（市、区）人民政府：\n"
        "为推进养老服务发展，现提出如下意见。\n一、总体要求\n内容。\n二、保障\n内容。\n某某市人民政府办公室\n2023年5月6日\n"
    )
    meta = extract_metadata(text)
    assert meta["doc"] == "某政办字〔2023〕19号"
    assert meta["title"] == "某某市人民政府办公室关于推进养老服务发展的意见"
    assert (meta["issuers"], meta["date"]) == (["某某市人民政府办公室"], "2023-05-06")
    assert (meta["region"], meta["level"]) == ("某某市", "city")


def test_signature_below_the_list_of_annexes_and_issuer_from_the_red_header():
    body = ("为推进养老服务发展，现提出如下意见。\n一、总体要求\n内容。\n二、保障\n内容。\n"
            "附件：重点任务分工表\n{sign}\n附件\n重点任务分工表\n| 序号 | 任务 | 牵头单位 |\n| 1 | 建设 | 市民政局 |\n")
    text = "安庆市人民政府办公室文件\n宜政办发〔2024〕7号\n安庆市人民政府办公室关于推进养老服务发展的意见\n各县（市、区）人民政府：\n"
    meta = extract_metadata(text + body.format(sign="安庆市人民政府办公室\n2024年3月12日\n（此件公开发布）"))
    assert (meta["issuers"], meta["date"]) == (["安庆市人民政府办公室"], "2024-03-12")
    meta = extract_metadata(text + body.format(sign="2024年3月12日"))
    assert (meta["issuers"], meta["date"]) == (["安庆市人民政府办公室"], "2024-03-12")


def test_title_whose_period_stands_on_its_own_line():
    text = ("某某县人民政府办公室文件\n某政办〔2024〕9号\n某某县人民政府办公室\n关于印发某某县养老服务提升行动实施方案（2024—2025年）的通知\n"
            "各乡镇人民政府：\n现印发给你们。\n某某县人民政府办公室\n2024年4月12日\n"
            "某某县养老服务提升行动实施方案\n（2024—2025年）\n为推进养老服务，制定本方案。\n一、工作目标\n内容。\n")
    assert extract_metadata(text)["title"] == "某某县养老服务提升行动实施方案（2024—2025年）"


def test_office_names_win_over_a_prefix_of_another_place():
    text = ("临泽县人民政府门户网站\n临泽县人民政府关于印发临泽县养老服务体系建设三年行动计划的通知\n临政发〔2024〕28号\n"
            "各镇人民政府：\n现印发给你们。\n临泽县人民政府\n2024年7月9日\n临泽县养老服务体系建设三年行动计划\n"
            "为推进养老服务，制定本计划。\n一、发展目标\n内容。\n")
    meta = extract_metadata(text)
    assert (meta["region"], meta["city"], meta["province"]) == ("临泽县", "张掖市", "甘肃省")


def test_full_width_number_autonomous_county_and_the_policys_own_signature():
    text = ("互助土族自治县人民政府办公室\n关于进一步加强居家社区养老服务工作的通知\n互政办〔２０２４〕８６号\n各乡镇人民政府：\n"
            "为推进养老服务，通知如下。\n一、明确工作目标\n内容。\n二、工作要求\n内容。\n"
            "互助土族自治县人民政府办公室\n2024年9月10日\n《通知》政策解读\n一、问：背景是什么？\n答：内容。\n"
            "互助土族自治县民政局\n2024年9月12日\n")
    meta = extract_metadata(text)
    assert meta["doc"] == "互政办〔2024〕86号"
    assert (meta["date"], meta["issuers"]) == ("2024-09-10", ["互助土族自治县人民政府办公室"])
    assert (meta["region"], meta["city"], meta["province"], meta["level"]) == ("互助土族自治县", "海东市", "青海省", "county")


def test_web_metadata_table_and_a_document_issued_by_two_bureaus():
    table = ("| 发文机关 | 梨树县人民政府办公室 | 成文日期 | 2024-05-06 |\n| 发文字号 | 梨政办发〔2024〕11号 | 发布日期 | 2024-05-13 |\n"
             "# 梨树县人民政府办公室关于印发《梨树县养老服务实施方案》的通知\n各乡镇人民政府：\n现印发给你们。\n"
             "梨树县养老服务实施方案\n为推进养老服务，制定本方案。\n一、目标\n内容。\n")
    meta = extract_metadata(table)
    assert (meta["doc"], meta["date"], meta["issuers"]) == ("梨政办发〔2024〕11号", "2024-05-06", ["梨树县人民政府办公室"])
    bureaus = ("平遥县民政局  平遥县财政局\n平民发〔2024〕12号\n平遥县民政局 平遥县财政局关于调整老年人福利补贴标准的通知\n"
               "各乡镇人民政府：\n现将有关事项通知如下。\n一、补贴对象\n内容。\n平遥县民政局  平遥县财政局\n2024年3月1日\n")
    meta = extract_metadata(bureaus)
    assert (meta["region"], meta["city"], meta["province"], meta["level"]) == ("平遥县", "晋中市", "山西省", "county")


def test_national_document_by_prefix():
    text = "国务院办公厅关于推进养老服务发展的意见\n国办发〔2019〕5号\n各省、自治区人民政府：\n为推进养老服务发展，提出如下意见。\n一、总体要求\n内容。\n"
    meta = extract_metadata(text)
    assert (meta["issuers"], meta["level"], meta["region"]) == (["国务院办公厅"], "national", None)


def test_document_from_a_province_outside_the_curated_data():
    text = (
        "衢州市衢江区人民政府办公室文件\n\n衢江政办发〔202316号\n\n衢州市衢江区人民政府办公室关于印发"
        "衢江区养老服务体系建设实施方案的通知\n\n各乡镇人民政府：\n\n《衢江区养老服务体系建设实施方案》已经区政府同意，"
        "现印发给你们。\n\n衢州市衢江区人民政府办公室\n\n2023年5月6日\n\n衢江区养老服务体系建设实施方案\n\n"
        "一、总体要求\n\n内容。\n"
    )
    meta = extract_metadata(text)
    assert meta["doc"] == "衢江政办发〔2023〕16号"
    assert meta["title"] == "衢江区养老服务体系建设实施方案"
    assert (meta["region"], meta["city"], meta["province"], meta["level"]) == ("衢江区", "衢州市", "浙江省", "county")


def test_prefix_of_a_county_is_not_claimed_by_a_province_it_ends_like():
    assert issuer_for_number("根据川政办发〔2021〕3号")["province"] == "四川省"
    assert issuer_for_number("湘政办发〔2021〕3号")["issuer"] == "湖南省人民政府办公厅"
    assert issuer_for_number("北川政办发〔2021〕3号") is None


def test_county_named_like_its_suffix_and_two_offices_side_by_side():
    text = (
        "中共献县县委办公室\n献县人民政府办公室\n文件\n\n献办字〔2024〕5号\n\n中共献县县委办公室　献县人民政府办公室\n"
        "关于印发《献县养老服务提升行动方案》的通知\n\n各乡镇：\n现印发给你们。\n\n"
        "中共献县县委办公室　　　　　　献县人民政府办公室\n\n2024年3月8日\n\n－ 1 －\n\n献县养老服务提升行动方案\n\n"
        "一、总体要求\n\n内容。\n"
    )
    meta = extract_metadata(text)
    assert meta["issuers"] == ["中共献县县委办公室", "献县人民政府办公室"]
    assert meta["title"] == "献县养老服务提升行动方案"
    assert (meta["region"], meta["city"], meta["province"], meta["level"]) == ("献县", "沧州市", "河北省", "county")


def test_a_provincial_department_and_a_policy_issued_as_annex_1():
    text = ("湖北省民政厅文件\n\n鄂民政发〔2025〕9号\n\n湖北省民政厅关于印发《湖北省社区养老服务提升行动方案》的通知\n\n"
            "各市民政局：\n\n现印发给你们。\n\n附件：1．湖北省社区养老服务提升行动方案\n　　　2．任务分工表\n\n湖北省民政厅\n2025年4月18日\n\n"
            "附件1\n\n湖北省社区养老服务提升行动方案\n\n为完善网络，制定本方案。\n\n一、工作目标\n\n内容。\n")
    meta = extract_metadata(text)
    assert (meta["title"], meta["date"], meta["issuers"]) == ("湖北省社区养老服务提升行动方案", "2025-04-18", ["湖北省民政厅"])
    assert (meta["region"], meta["city"], meta["province"], meta["level"]) == ("湖北省", None, "湖北省", "provincial")


def test_a_news_post_gives_the_number_of_the_policy_it_reports():
    text = ("重磅！某县养老服务实施方案出台\n\n来源：沛县民政局\n\n近日，沛县人民政府办公室印发《沛县居家社区养老服务提升实施方案》"
            "（沛政办发〔2025〕23号），一起来看全文。\n\n沛县居家社区养老服务提升实施方案\n\n为贯彻落实上级要求，制定本方案。\n\n"
            "一、总体要求\n\n内容。\n\n沛县人民政府办公室\n2025年6月5日\n")
    meta = extract_metadata(text)
    assert (meta["doc"], meta["title"], meta["date"]) == ("沛政办发〔2025〕23号", "沛县居家社区养老服务提升实施方案", "2025-06-05")
    assert (meta["issuers"], meta["region"], meta["city"], meta["province"], meta["level"]) == (
        ["沛县人民政府办公室"], "沛县", "徐州市", "江苏省", "county")


def test_a_joint_notice_signed_by_a_fire_brigade_gives_its_issuers_and_place():
    text = ("平和县安全生产委员会办公室\n平和县民政局\n平和县消防救援大队\n\n平安委办〔2025〕14号\n\n"
            "关于印发《平和县养老机构消防安全专项整治行动方案》的通知\n\n各乡（镇）人民政府：\n\n现将方案印发给你们。\n\n"
            "平和县安全生产委员会办公室　　平和县民政局　　平和县消防救援大队\n\n2025年4月8日\n\n"
            "平和县养老机构消防安全专项整治行动方案\n\n一、目标\n\n内容。\n")
    meta = extract_metadata(text)
    assert meta["issuers"] == ["平和县安全生产委员会办公室", "平和县民政局", "平和县消防救援大队"]
    assert (meta["region"], meta["province"], meta["level"]) == ("平和县", "福建省", "county")


def test_a_draft_title_keeps_its_year_range_and_draft_mark():
    text = ("三原县民政局\n\n三民函〔2025〕23号\n\n关于征求意见的函\n\n县直有关部门：\n\n现送你单位征求意见。\n\n"
            "三原县民政局\n\n2025年7月4日\n\n三原县失能老年人照护服务能力提升行动方案\n（2025—2027年）\n（征求意见稿）\n\n"
            "为提升照护能力，制定本方案。\n\n一、目标\n\n内容。\n")
    assert extract_metadata(text)["title"] == "三原县失能老年人照护服务能力提升行动方案（2025—2027年）（征求意见稿）"

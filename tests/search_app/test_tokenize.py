from search_app.tokenize import Tokenizer, domain_terms
from tests.search_app.retrieval_fakes import tiny_docs


def test_chinese_text_becomes_words_not_one_token():
    tokens = Tokenizer().tokenize("养老机构智慧消防建设要求")
    assert len(tokens) >= 3 and "养老" in tokens and "消防" in tokens


def test_document_numbers_match_whatever_brackets_are_typed():
    tk = Tokenizer(["鲁政办发"])
    a = tk.tokenize("依据鲁政办发[2022]18号制定")
    b = tk.tokenize("根据《意见》（鲁政办发〔2022〕18号）")
    assert "〔2022〕18号" in a and "〔2022〕18号" in b
    assert "鲁政办发" in a and "鲁政办发" in b


def test_domain_terms_are_kept_whole(tmp_path):
    docs = tiny_docs()
    terms = domain_terms(docs)
    assert "县民政局" in terms and "甲政发" in terms
    tk = Tokenizer(terms)
    assert "县民政局" in tk.tokenize("由县民政局牵头")
    tk.save(tmp_path / "dict.txt")
    assert Tokenizer.load(tmp_path / "dict.txt").terms == tk.terms


def test_question_words_are_dropped():
    assert not {"什么", "哪些", "的"} & set(Tokenizer().tokenize("哪些部门负责什么工作的"))

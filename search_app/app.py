"""Streamlit app: ask a question, get the answering clauses with their provenance.

Run with `policykg app` (or `streamlit run search_app/app.py`); the knowledge base
comes from $POLICYKG_KB (default kb/). `?q=…` in the URL runs that question on load.
"""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

from search_app.answer import ask
from search_app.kb import KBError, KnowledgeBase, open_kb
from search_app.render import (
    MODE_LABELS,
    ROLE_LABELS,
    citation_line,
    departments_line,
    excerpt,
    highlighted_html,
    lineage_lines,
    position_line,
    target_line,
)

st.set_page_config(page_title="养老服务政策知识库", page_icon="📜", layout="wide")
# Less empty space above the title, so the answer and first clauses fit on the first screen.
st.markdown(
    "<style>.block-container, [data-testid='stMainBlockContainer'] {padding-top: 2.5rem}"
    " [data-testid='stHeading'] h1 {font-size: 2rem; padding: 0 0 .25rem}"
    " [data-testid='stHeading'] h3 {font-size: 1.2rem; padding: .25rem 0}</style>",
    unsafe_allow_html=True,
)
TARGET_ROWS = 4  # the structured target answer shows this many rows, the rest on demand


@st.cache_resource(show_spinner="正在加载知识库和模型…")
def load(kb_dir: str):
    """Open the kb once per server process and warm the searcher (model loads once);
    also say whether the corpus changed since the build."""
    kb = open_kb(Path(kb_dir))
    _ = kb.searcher  # load indexes and models now, not on the first question
    return kb, kb.stale_reason()


def show_answer(result: dict) -> None:
    """The structured answer above the clauses: departments, targets or parent policies."""
    answer = result["answer"]
    if result["intent"] == "department" and answer.get("departments"):
        st.subheader("责任部门")
        for e in answer["departments"][:3]:
            roles = "；".join(f"{ROLE_LABELS[r]}：{'、'.join(e[r])}" for r in ROLE_LABELS if e.get(r) and r != "mentioned")
            named = "、".join(e.get("in_best_sentence") or []) or "、".join(e["mentioned"][:5])
            said = f"  \n  “{e['sentence']}”" if e.get("sentence") else ""  # the words the answer rests on
            st.markdown(f"- **{roles or named}** — {e['doc']} {e['label']}{said}")
    elif result["intent"] == "target" and answer.get("targets"):
        st.subheader("量化指标")
        rows = [{"文件": t["doc"], "位置": t["label"], "指标": target_line(t), "原文": t["text"]} for t in answer["targets"]]
        st.table(rows[:TARGET_ROWS])
        if len(rows) > TARGET_ROWS:
            with st.expander(f"更多指标（{len(rows) - TARGET_ROWS}）"):
                st.table(rows[TARGET_ROWS:12])
    elif result["intent"] == "citation":
        items = answer.get("policies") or answer.get("documents") or []
        if items:
            st.subheader("政策依据与落实")
            for item in items[:3]:
                for line in lineage_lines(item):
                    st.markdown(f"- {line}")


def show_similar(kb: KnowledgeBase, clause_id: str) -> None:
    """Precedent lookup: how other documents worded the same thing."""
    for hit in kb.searcher.similar(clause_id, k=3):
        other = kb.clauses[hit.clause_id]
        st.markdown(f"**{kb.by_doc[other.doc].title}**（{other.doc} {other.label}）")
        st.caption(other.text)


def show_result(kb: KnowledgeBase, rec: dict) -> None:
    """One result card: title and number, position, highlighted text, departments, extractions."""
    with st.container(border=True):
        st.markdown(f"**{rec['rank']}. {rec['title']}**")
        st.caption(position_line(rec))
        span = rec.get("highlight") or {"start": 0, "end": 0}
        lo, hi = excerpt(rec["text"], span["start"], span["end"])
        st.markdown(highlighted_html(rec["text"], span["start"], span["end"], lo, hi), unsafe_allow_html=True)
        if (lo, hi) != (0, len(rec["text"])):
            with st.expander(f"条款全文（{len(rec['text'])} 字）"):
                st.markdown(highlighted_html(rec["text"], span["start"], span["end"]), unsafe_allow_html=True)
        if rec["departments"]:
            st.markdown(f"**部门**：{departments_line(rec['departments'])}")
        extra = [target_line(t) for t in rec["targets"]] + [citation_line(c) for c in rec["citations"]]
        left, right = st.columns(2) if extra else (None, st.container())  # one row, not two
        if extra:
            with left.expander(f"指标与引用文件（{len(extra)}）"):
                for line in extra:
                    st.markdown(f"- {line}")
        with right.expander("其他地区的相似条款"):
            show_similar(kb, rec["clause_id"])


def main() -> None:
    kb_dir = os.environ.get("POLICYKG_KB", "kb")
    st.title("养老服务政策知识库")
    st.caption("输入问题，检索各地养老服务政策中的相关条款，并查看出处、责任部门和量化指标。")
    try:
        kb, stale = load(kb_dir)
    except KBError as e:
        st.error(f"无法打开知识库：{e}")
        st.stop()
    if stale:
        st.warning(stale)

    with st.sidebar:
        st.header("检索设置")
        mode = st.radio("检索方式", list(MODE_LABELS), format_func=MODE_LABELS.get, key="mode")
        k = st.slider("返回条款数", 1, 20, 5, key="k")
        docs = {d.doc: f"{d.doc} {d.title}" for d in kb.documents}
        doc = st.selectbox("限定文件", [""] + list(docs), format_func=lambda x: docs.get(x, "全部文件"), key="doc")
        st.caption(f"知识库：{len(kb.documents)} 份文件，{len(kb.clauses)} 个条款")

    initial = st.query_params.get("q", "")
    query = st.text_input("请输入问题", value=initial, placeholder="例如：哪个部门牵头老年人口数据发布？", key="query")
    if not query.strip():
        st.info("请输入问题开始检索，例如：各地对新建小区养老设施配建标准有何规定")
        return
    st.query_params["q"] = query
    result = ask(kb, query, k=k, mode=mode, filters={"doc": doc} if doc else None)
    if not result["clauses"]:
        st.warning("没有找到相关条款，请换一种说法试试。")
        return
    show_answer(result)
    st.subheader(f"相关条款（{MODE_LABELS[mode]}）")
    for rec in result["clauses"]:
        show_result(kb, rec)


main()

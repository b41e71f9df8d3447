"""What a question asks for: who is responsible, how much / by when, which policies, or plain text.

Cue patterns are data (one table), checked in priority order: a question naming a
policy (文号 or 《title》) or asking for its basis is about citations even when it also
says 多少; a question asking 哪个部门 is about departments even when it names a target.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from ingest.prefixes import find_numbers, known_prefix

INTENTS = ("citation", "department", "target", "text")

CUES: dict[str, tuple[str, ...]] = {
    "citation": (
        r"依据(哪些|什么|哪个|的)", r"根据(哪些|什么|哪个)", r"(哪些|什么)(上级|上位)?(文件|政策)",
        r"落实.{0,20}的(文件|政策|有哪些)", r"上位(文件|政策)", r"政策(依据|来源|渊源)",
        r"贯彻(落实)?的?是?(哪些|什么|哪个)", r"(哪些|什么|哪个)(国家|中央|省|市|上级)[、和及省市级的]{0,4}(文件|政策|通知|意见)",
        r"\bbased on\b", r"\bwhich (policies|documents)\b", r"\bparent polic",
    ),
    "department": (
        r"哪个部门", r"哪些部门", r"哪个单位", r"哪些单位", r"什么部门", r"谁(来)?(负责|牵头|主管|承担)",
        r"由谁", r"牵头(单位|部门)?是", r"责任(单位|部门)", r"(负责|牵头|主管)的?(部门|单位)",
        r"办公室设在", r"\bwhich (department|agency|office|bureau)", r"\bwho (is responsible|leads|is in charge)",
    ),
    "target": (
        r"多少", r"几[个所张处户家人名]", r"比例", r"占比", r"(比|覆盖|达标|入住|供养|评定|探访)率",
        r"标准是", r"什么标准", r"要达到", r"达到什么", r"到20\d\d年", r"20\d\d年(底|前|末)", r"不低于", r"不少于",
        r"\bhow (many|much)\b", r"\bwhat (percentage|rate|share)\b", r"\bper (bed|person|household)\b",
    ),
}

_COMPILED = {intent: [re.compile(p, re.IGNORECASE) for p in pats] for intent, pats in CUES.items()}

# Questions that compare documents: their answer is one clause per document.
CROSS_DOCUMENT_CUES = re.compile(
    r"各地|各县|各区|各市|各省|不同(地区|地方|县区|文件)|哪些(地方|地区|县区|县|区)|其他(地区|县|区|地方)|各(个)?文件|"
    r"对比|比较|\b(each|other|different) (count(y|ies)|district|region|document)s?\b|\bacross\b|\bcompare",
    re.IGNORECASE,
)


@dataclass
class Intent:
    """The detected intent and the cue that decided it (for explanations and tests)."""

    name: str
    cue: str = ""


def detect_intent(question: str) -> Intent:
    """Classify ``question`` into one of INTENTS by the first matching cue in priority order.

    A question that names a document number (文号) asks about policies.
    """
    for _, _, _, number in find_numbers(question):
        return Intent("citation", number)
    for name in ("citation", "department", "target"):
        for pattern in _COMPILED[name]:
            m = pattern.search(question)
            if m:
                return Intent(name, m.group(0))
    return Intent("text")


def is_cross_document(question: str) -> bool:
    """True when ``question`` compares documents (各地…有何规定, how do other counties…)."""
    return bool(CROSS_DOCUMENT_CUES.search(question))


def policy_numbers(question: str, known: Iterable[str] = ()) -> list[str]:
    """Document numbers (文号) named in ``question``, brackets normalized to 〔〕.

    A number in running text carries the words before it (依据鲁政办发…); it is cut
    back to a known document number, else to a known 文号 prefix.
    """
    known = set(known)
    out = []
    for _, _, prefix, number in find_numbers(question):
        suffix = next((number[i:] for i in range(len(number)) if number[i:] in known), None)
        if suffix is None:
            kp = known_prefix(prefix)
            suffix = number[len(prefix) - len(kp):] if kp else number
        out.append(suffix)
    return out

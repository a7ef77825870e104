"""The evaluator's coding workflow: which codes count, what one coder may see, and every change they save.

No Streamlit here: pages/codering.py lays out and draws, ui/codering*.py writes it the Dutch way, and this
module decides. It combines the codes delivered in the interview workbook (metrics.interviews.interview_codes)
with the coding store (codering.store), picks the code that counts per answer (settled, agreed, else the
primary coder's), keeps blind coding (a second coder sees no other coder's work on a question until they have
coded all of it), queues the differences to settle, and writes codes, memos and settled codes to the store
under the logged-in evaluator's name with an audit entry. The statistics on the result are metrics.codering.

A "codes" frame is long: one row per answer and coder with columns respondent_id, vraag_nr, codeur, code.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, MutableMapping
from dataclasses import dataclass, replace

import pandas as pd

from codering.store import CodingStore
from metrics.interviews import PrimaryCoderError, named_primary

_CODE_COLUMNS = ["respondent_id", "vraag_nr", "codeur", "code"]

Audit = Callable[[str, str, str], None]
"""Writes an audit entry: (event, subject, details); ui.auth.audit on the page."""


# ---------------------------------------------------------------------------- combining codes
def combine_codes(delivered: pd.DataFrame, stored: pd.DataFrame, answers: pd.DataFrame | None = None) -> pd.DataFrame:
    """All current codes: the delivered codes, replaced by the coding store's code for the same answer and coder.

    Both frames have respondent_id, vraag_nr, codeur, code; the store holds the later decision, so it wins.
    With `answers` (respondent_id, vraag_nr) only store codes of those answers are kept (one team's answers).
    """
    if answers is not None and not stored.empty:
        keys = answers[["respondent_id", "vraag_nr"]].astype({"vraag_nr": int})
        stored = stored.astype({"vraag_nr": int}).merge(keys, on=["respondent_id", "vraag_nr"])
    frames = [f[_CODE_COLUMNS] for f in (delivered, stored) if not f.empty]
    if not frames:
        return pd.DataFrame(columns=_CODE_COLUMNS)
    both = pd.concat(frames, ignore_index=True)
    both["vraag_nr"] = both["vraag_nr"].astype(int)
    both = both.drop_duplicates(["respondent_id", "vraag_nr", "codeur"], keep="last")
    return both.sort_values(["vraag_nr", "respondent_id", "codeur"]).reset_index(drop=True)


def disagreements(codes: pd.DataFrame, settled: pd.DataFrame) -> pd.DataFrame:
    """Answers on which the coders gave different codes, one column per coder, with the settled code if any.

    Columns: respondent_id, vraag_nr, one column per coder (empty when that coder did not code it),
    vastgesteld (settled code or empty), vastgesteld_door, toelichting (the reason given when settling).
    Ordered by question and respondent.
    """
    per_answer = codes.groupby(["respondent_id", "vraag_nr"])["code"].nunique()
    keys = per_answer[per_answer > 1].index
    if len(keys) == 0:
        return pd.DataFrame(columns=["respondent_id", "vraag_nr", "vastgesteld", "vastgesteld_door", "toelichting"])
    subset = codes.set_index(["respondent_id", "vraag_nr"]).loc[keys].reset_index()
    wide = subset.pivot_table(index=["respondent_id", "vraag_nr"], columns="codeur", values="code", aggfunc="first")
    wide = wide.fillna("").reset_index()
    wide.columns.name = None
    s = settled[["respondent_id", "vraag_nr", "code", "besloten_door", "toelichting"]].rename(
        columns={"code": "vastgesteld", "besloten_door": "vastgesteld_door"}
    )
    s = s.astype({"vraag_nr": int})
    wide = wide.merge(s, on=["respondent_id", "vraag_nr"], how="left").fillna(
        {"vastgesteld": "", "vastgesteld_door": "", "toelichting": ""})
    return wide.sort_values(["vraag_nr", "respondent_id"]).reset_index(drop=True)


def effective_codes(codes: pd.DataFrame, settled: pd.DataFrame, primary: str | None) -> pd.DataFrame:
    """The code that counts per answer: the settled code if any, else the agreed code, else the primary coder's.

    Agreed: every coder who coded the answer gave the same code (an answer with one coder is agreed).
    When coders disagree, nothing is settled and the primary coder did not code it, the answer stays
    undecided (code empty, bron "onbeslist") and is not counted. Columns: respondent_id, vraag_nr, code,
    bron ("vastgesteld" / "eens" / "primaire codeur" / "onbeslist").
    """
    settled_map = {(r.respondent_id, int(r.vraag_nr)): r.code for r in settled.itertuples()}
    rows = []
    for (rid, nr), group in codes.groupby(["respondent_id", "vraag_nr"]):
        key = (rid, int(nr))
        distinct = group["code"].unique()
        by_primary = group[group["codeur"] == primary]["code"]
        if key in settled_map:
            code, bron = settled_map[key], "vastgesteld"
        elif len(distinct) == 1:
            code, bron = distinct[0], "eens"
        elif not by_primary.empty:
            code, bron = by_primary.iloc[0], "primaire codeur"
        else:
            code, bron = "", "onbeslist"
        rows.append({"respondent_id": rid, "vraag_nr": int(nr), "code": code, "bron": bron})
    return pd.DataFrame(rows, columns=["respondent_id", "vraag_nr", "code", "bron"])


def effective_summary(effective: pd.DataFrame) -> pd.DataFrame:
    """How the effective codes came about: bron, antwoorden (count), in the order of `effective_codes`."""
    order = ["vastgesteld", "eens", "primaire codeur", "onbeslist"]
    counts = effective.groupby("bron").size().reindex(order, fill_value=0)
    return counts.rename("antwoorden").rename_axis("bron").reset_index()


def coded_answers_table(
    answers: pd.DataFrame, codes: pd.DataFrame, effective: pd.DataFrame, memos: pd.DataFrame,
    settled: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Every answer with its codes per coder, the effective code and the memos, for export.

    Columns: vraag_nr, respondent_id, organisatie, rol, gemeente, antwoord, one column "code <coder>" per
    coder, code (effective), bron, toelichting (the reason given when the code was settled, from `settled`
    as in CodingStore.settled; empty otherwise), memo (memos on the answer as "author: text", joined by " | ").
    """
    table = answers[["vraag_nr", "respondent_id", "organisatie", "rol", "gemeente", "antwoord"]].copy()
    for coder in sorted(codes["codeur"].unique()):
        per = codes[codes["codeur"] == coder][["respondent_id", "vraag_nr", "code"]]
        table = table.merge(per.rename(columns={"code": f"code {coder}"}), on=["respondent_id", "vraag_nr"],
                            how="left")
    table = table.merge(effective, on=["respondent_id", "vraag_nr"], how="left")
    if settled is not None and not settled.empty:
        reasons = settled[["respondent_id", "vraag_nr", "toelichting"]].astype({"vraag_nr": int})
        table = table.merge(reasons, on=["respondent_id", "vraag_nr"], how="left")
    else:
        table["toelichting"] = ""
    answer_memos = memos[memos["respondent_id"] != ""]
    if answer_memos.empty:
        table["memo"] = ""
    else:
        joined = (
            answer_memos.assign(m=answer_memos["auteur"] + ": " + answer_memos["tekst"])
            .groupby(["respondent_id", "vraag_nr"])["m"].agg(" | ".join).reset_index(name="memo")
        )
        joined["vraag_nr"] = joined["vraag_nr"].astype(int)
        table = table.merge(joined, on=["respondent_id", "vraag_nr"], how="left")
    return table.fillna("").sort_values(["vraag_nr", "respondent_id"]).reset_index(drop=True)


def coder_progress(codes: pd.DataFrame, answers: pd.DataFrame, codeur: str) -> pd.DataFrame:
    """How far `codeur` is per question: vraag_nr, antwoorden (answers of the team), gecodeerd (answers this coder
    coded), klaar (gecodeerd == antwoorden and antwoorden > 0). One row per question in `answers`, in order.

    Used for blind coding: a coder other than the primary coder stays blind on a question until klaar.
    """
    keys = answers[["respondent_id", "vraag_nr"]].astype({"vraag_nr": int}).drop_duplicates()
    own = codes[codes["codeur"] == codeur][["respondent_id", "vraag_nr"]].astype({"vraag_nr": int})
    own = own.drop_duplicates().assign(gecodeerd=1)
    merged = keys.merge(own, on=["respondent_id", "vraag_nr"], how="left").fillna({"gecodeerd": 0})
    progress = merged.groupby("vraag_nr").agg(antwoorden=("respondent_id", "size"), gecodeerd=("gecodeerd", "sum"))
    progress = progress.reset_index().astype({"gecodeerd": int})
    progress["klaar"] = (progress["gecodeerd"] == progress["antwoorden"]) & (progress["antwoorden"] > 0)
    return progress.sort_values("vraag_nr").reset_index(drop=True)


@dataclass(frozen=True)
class BlindAccess:
    """What one coder may see of the other coders' work (blind coding).

    Blind coding is the default for every named coder other than the primary coder (`second_coder`), and
    stays on for a question until that coder has coded all its answers (`locked` on the current question);
    a second coder who switches it off sees only the questions they coded completely (`done`).
    `coded` and `total` are that coder's progress on the current question (0 and 0 for anyone else).
    """

    second_coder: bool
    done: frozenset[int]
    locked: bool
    coded: int
    total: int

    def restricts(self, blind: bool) -> bool:
        """True when a second coder who is not blind must see only the questions in `done`."""
        return self.second_coder and not blind


def blind_access(
    codes: pd.DataFrame, answers: pd.DataFrame, codeur: str, primary: str | None, vraag_nr: int
) -> BlindAccess:
    """The blind-coding access of `codeur` (empty: a reader) on question `vraag_nr`, from `coder_progress`."""
    if not codeur or codeur == primary:
        return BlindAccess(second_coder=False, done=frozenset(), locked=False, coded=0, total=0)
    progress = coder_progress(codes, answers, codeur)
    done = frozenset(int(q) for q in progress.loc[progress["klaar"], "vraag_nr"])
    row = progress[progress["vraag_nr"] == vraag_nr]
    coded, total = (int(row["gecodeerd"].iloc[0]), int(row["antwoorden"].iloc[0])) if len(row) else (0, 0)
    return BlindAccess(second_coder=True, done=done, locked=vraag_nr not in done, coded=coded, total=total)


@dataclass(frozen=True)
class CodingView:
    """The coding data one coder sees: questions, answers, codes (all coders), effective codes, memos and settled
    codes, each a frame with a vraag_nr column (see the functions above and codering.store)."""

    questions: pd.DataFrame
    answers: pd.DataFrame
    codes: pd.DataFrame
    effective: pd.DataFrame
    memos: pd.DataFrame
    settled: pd.DataFrame

    def only(self, vraag_nrs: Collection[int]) -> CodingView:
        """The same data restricted to the questions `vraag_nrs`."""
        keep = set(vraag_nrs)
        return replace(self, **{name: frame[frame["vraag_nr"].isin(keep)] for name, frame in vars(self).items()})

    def visible(self, access: BlindAccess, blind: bool) -> CodingView:
        """What is shown: only the completely coded questions for a second coder who is not blind, else all."""
        return self.only(access.done) if access.restricts(blind) else self


Item = tuple[str, int]
"""An answer: (respondent_id, vraag_nr)."""


@dataclass(frozen=True)
class SettleQueue:
    """The disagreements to settle, in table order (`items`), and those still without a settled code."""

    items: list[Item]
    unsettled: list[Item]

    @property
    def open(self) -> int:
        """How many disagreements have no settled code yet."""
        return len(self.unsettled)

    def choose(self, current: object) -> Item:
        """The answer to show: `current` when it is one of the items, else the first unsettled, else the first."""
        if current in self.items:
            return current  # type: ignore[return-value]
        return self.unsettled[0] if self.unsettled else self.items[0]

    def next_after(self, item: Item) -> Item | None:
        """The answer to settle after `item`: the next unsettled one after it, else the first other unsettled one
        (when every answer is settled: the next / first other answer). None when there is no other answer."""
        order = self.unsettled or self.items
        position = order.index(item) if item in order else -1
        later = [k for k in order[position + 1:] if k != item]
        rest = [k for k in order if k != item]
        return (later or rest)[0] if later or rest else None


def settle_queue(diff: pd.DataFrame) -> SettleQueue:
    """The queue of `disagreements(...)`: every (respondent_id, vraag_nr), and those with vastgesteld empty."""
    items = [(str(r), int(v)) for r, v in zip(diff["respondent_id"], diff["vraag_nr"], strict=True)]
    unsettled = [k for k, settled in zip(items, diff["vastgesteld"] != "", strict=True) if not settled]
    return SettleQueue(items=items, unsettled=unsettled)


# ---------------------------------------------------------------------------- one coder's session
@dataclass(frozen=True)
class Coding:
    """Everything the coding page works with for one team: the warehouse's questions, answers and delivered codes
    (metrics.interviews), the store's codes, settled codes and memos combined with them, the primary coder named
    in the interview workbook, and the code that counts per answer (`effective_codes`)."""

    questions: pd.DataFrame
    answers: pd.DataFrame
    delivered: pd.DataFrame
    codes: pd.DataFrame
    settled: pd.DataFrame
    memos: pd.DataFrame
    primary: str | None
    effective: pd.DataFrame

    def view(self) -> CodingView:
        """All of it as a `CodingView` (before blind coding restricts it)."""
        return CodingView(self.questions, self.answers, self.codes, self.effective, self.memos, self.settled)


def primary_of(coders: pd.DataFrame, team: str) -> tuple[str | None, str]:
    """The primary coder named in the interview workbook (metrics.interviews.named_primary of `coders`) and an
    empty message, or None and the Dutch message why there is none (then no answer is decided by a primary coder)."""
    try:
        return named_primary(coders, team), ""
    except PrimaryCoderError as exc:
        return None, str(exc)


def gather(questions: pd.DataFrame, answers: pd.DataFrame, delivered: pd.DataFrame, store: CodingStore,
           primary: str | None) -> Coding:
    """The `Coding` of one team: delivered codes replaced by the store's (`combine_codes`), settled codes and memos
    from the store, and the effective codes with `primary` as the primary coder."""
    codes = combine_codes(delivered, store.codes(), answers)
    settled = store.settled()
    return Coding(questions, answers, delivered, codes, settled, store.memos(), primary,
                  effective_codes(codes, settled, primary))


BLIND_KEY = "codering_blind"
"""Session key of the blind-coding switch."""
BLIND_FOR_KEY = "codering_blind_voor"
"""Session key of the coder the switch was last set for."""


def keep_blind(session: MutableMapping[str, object], codeur: str, access: BlindAccess) -> None:
    """Set the blind-coding switch in `session` before it is drawn: on by default for a second coder (off for the
    primary coder and readers) each time another coder logs in, and forced on while `access` is locked."""
    if session.get(BLIND_FOR_KEY) != codeur:
        session[BLIND_KEY] = access.second_coder
        session[BLIND_FOR_KEY] = codeur
    if access.locked:
        session[BLIND_KEY] = True


def may_write(name: str | None, role: str | None, primary: str | None, codes: bool = False) -> str | None:
    """The name to save a change under: the logged-in evaluator `name`, or None when nobody (or another role) is
    logged in; with `codes` also None for the primary coder, whose delivered codes are read-only."""
    if not name or role != "evaluator" or (codes and name == primary):
        return None
    return name


def save_code(store: CodingStore, audit: Audit, coder: str, respondent_id: str, vraag_nr: int, code: str,
              baseline: str | None) -> str | None:
    """Save `coder`'s code of one answer at once (`baseline`: the delivered code it replaces), audited; returns the
    previous code."""
    previous = store.set_code(respondent_id, vraag_nr, coder, code, baseline=baseline)
    audit("codering", f"{respondent_id} vraag {vraag_nr}", f"code {previous or '-'} -> {code}")
    return previous


def save_memo(store: CodingStore, audit: Audit, author: str, vraag_nr: int, text: str, respondent_id: str) -> None:
    """Save a memo on an answer (or on the question when `respondent_id` is codering.store.VRAAG_MEMO), audited."""
    store.set_memo(vraag_nr, author, text, respondent_id=respondent_id)
    audit("codering", f"{respondent_id or 'vraag'} vraag {vraag_nr}", "memo")


def settle(store: CodingStore, audit: Audit, coder: str, item: Item, code: str, reason: str,
           queue: SettleQueue) -> Item | None:
    """Record the settled `code` of `item` under `coder` with `reason`, audited; returns the next answer of `queue`
    to settle (None when there is no other)."""
    store.settle(item[0], item[1], code, coder, reason.strip())
    audit("codering", f"{item[0]} vraag {item[1]}", f"vastgesteld {code}")
    return queue.next_after(item)

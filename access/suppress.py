"""Statistical disclosure control for figures about persons (no streamlit).

- `suppress`: small-count suppression with secondary suppression, the practice of CBS and other statistical offices.
  A person-based count of 1 up to threshold - 1 is hidden ("<5" for threshold 5; primary suppression). Because the
  row and column totals are published (or can be added up), a row or column with exactly one hidden cell would let
  a reader recompute it; so another cell of that row or column is hidden too (secondary suppression: the smallest
  visible cell, so as little as possible is lost), repeated until no row or column has exactly one hidden cell.
  A zero is not primarily suppressed (nobody is described by it), but may be hidden as a secondary cell.
- `respondent_groups`: how a respondent may be described. Organisation and role only when that combination covers at
  least threshold respondents, else the organisation alone when it covers enough, else "andere organisatie" (when that
  group is large enough), else nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

SUPPRESSED_ROLES = frozenset({"burgemeester", "stuurgroep"})
"""Roles that see person-based counts only from the threshold up (dashboard pages, exports and the one-pager)."""


def hidden_label(threshold: int) -> str:
    """The text shown instead of a suppressed count: "<5" for threshold 5."""
    return f"<{threshold}"


@dataclass(frozen=True)
class Suppressed:
    """A table after suppression: `shown` has "<k" in hidden cells (numbers elsewhere); `primary` and `secondary`
    mark the cells hidden for being small and the cells hidden to protect them."""

    shown: pd.DataFrame
    primary: pd.DataFrame
    secondary: pd.DataFrame

    @property
    def hidden(self) -> pd.DataFrame:
        return self.primary | self.secondary

    @property
    def any(self) -> bool:
        return bool(self.hidden.to_numpy().any())


def suppress(table: pd.DataFrame, columns: list[str], threshold: int) -> Suppressed:
    """Suppress the person-based counts in `columns` of `table` (rows x columns, totals published): primary
    suppression of 1..threshold-1, then secondary suppression along rows and columns (see the module)."""
    values = table[columns].astype(float)
    primary = (values > 0) & (values < threshold)
    hidden = primary.copy()
    changed = True
    while changed:
        changed = False
        for by_row in (True, False):
            for cells in _rows(hidden) if by_row else _columns(hidden):
                if sum(bool(hidden.at[c]) for c in cells) != 1:
                    continue
                candidates = [c for c in cells if not hidden.at[c]]
                if not candidates:
                    continue
                # prefer a cell whose other line also has exactly one hidden cell: one cell then protects both
                pick = min(candidates, key=lambda c: (
                    0 if int(hidden[c[1]].sum() if by_row else hidden.loc[c[0]].sum()) == 1 else 1,
                    values.at[c], cells.index(c)))
                hidden.at[pick] = True
                changed = True
    shown = table.copy()
    label = hidden_label(threshold)
    for col in columns:
        shown[col] = shown[col].astype(object)
        shown.loc[hidden[col], col] = label
    return Suppressed(shown, primary, hidden & ~primary)


def suppress_long(frame: pd.DataFrame, value: str, row: str, column: str | None, threshold: int) -> pd.Series:
    """Which cells of a long table (one line per `row` x `column` pair, the count in `value`) are hidden: the
    table is laid out as rows x columns (a pair without a line counts as 0) and passed to `suppress`, so the
    secondary suppression works along the real rows and columns of the cross table. Without `column` the lines
    of `frame` form one column. Returns a boolean Series on `frame`'s index."""
    if frame.empty:
        return pd.Series(False, index=frame.index, dtype=bool)
    if column is None:
        return suppress(frame[[value]].reset_index(drop=True), [value], threshold).hidden[value].set_axis(
            frame.index)
    cross = frame.pivot_table(index=row, columns=column, values=value, aggfunc="sum", fill_value=0, dropna=False,
                              observed=True)
    hidden = suppress(cross, list(cross.columns), threshold).hidden
    return pd.Series([bool(hidden.at[r, c]) for r, c in zip(frame[row], frame[column], strict=True)],
                     index=frame.index, dtype=bool)


def _rows(mask: pd.DataFrame) -> list[list[tuple]]:
    return [[(r, c) for c in mask.columns] for r in mask.index]


def _columns(mask: pd.DataFrame) -> list[list[tuple]]:
    return [[(r, c) for r in mask.index] for c in mask.columns]


OTHER_ORGANISATION = "andere organisatie"


def respondent_groups(respondents: pd.DataFrame, threshold: int) -> pd.Series:
    """respondent_id -> how the respondent may be shown, from `respondents` (respondent_id, organisatie, rol; one
    row per respondent): "organisatie · rol", "organisatie", "andere organisatie" or "" (see the module)."""
    people = respondents.drop_duplicates("respondent_id").set_index("respondent_id")
    pair = people.groupby(["organisatie", "rol"])["organisatie"].transform("size")
    org = people.groupby("organisatie")["organisatie"].transform("size")
    label = pd.Series("", index=people.index, dtype=object)
    both = pair >= threshold
    label[both] = people.loc[both, "organisatie"] + " · " + people.loc[both, "rol"]
    only_org = ~both & (org >= threshold)
    label[only_org] = people.loc[only_org, "organisatie"]
    rest = ~both & ~only_org
    if rest.sum() >= threshold:
        label[rest] = OTHER_ORGANISATION
    return label

"""The one filter every metric takes: team(s), municipality(ies) and period.

Pages build a `Filter` from the sidebar and hand it to metric functions; metric functions turn it
into a SQL WHERE fragment with `Filter.sql()`. An empty tuple means "all".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Filter:
    """Which rows a figure is about."""

    teams: tuple[str, ...] = ()
    """Team codes (KIT-pilot, KIT, PIT); empty means all teams."""
    gemeenten: tuple[str, ...] = ()
    """CBS codes (GMxxxx); empty means all municipalities."""
    start: date | None = None
    """First day of the period (inclusive); None means open."""
    end: date | None = None
    """Last day of the period (inclusive); None means open."""

    def sql(
        self,
        alias: str = "",
        *,
        team_col: str = "team",
        gemeente_col: str = "gemeente_code",
        date_col: str | None = "datum",
    ) -> tuple[str, list[object]]:
        """Return (`condition`, `params`) for a WHERE clause; `condition` is 'TRUE' when nothing is set.

        Pass `date_col=None` for tables without a date; `alias` prefixes the columns ("b" gives b.team).
        Rows with a NULL municipality are excluded as soon as municipalities are chosen.
        """
        prefix = f"{alias}." if alias else ""
        parts: list[str] = []
        params: list[object] = []
        if self.teams:
            parts.append(f"{prefix}{team_col} IN ({', '.join('?' for _ in self.teams)})")
            params.extend(self.teams)
        if self.gemeenten:
            parts.append(f"{prefix}{gemeente_col} IN ({', '.join('?' for _ in self.gemeenten)})")
            params.extend(self.gemeenten)
        if date_col is not None and self.start is not None:
            parts.append(f"{prefix}{date_col} >= ?")
            params.append(self.start)
        if date_col is not None and self.end is not None:
            parts.append(f"{prefix}{date_col} <= ?")
            params.append(self.end)
        return (" AND ".join(parts) if parts else "TRUE"), params


ALL = Filter()
"""No restriction."""

"""Small-count suppression with secondary suppression, and how respondents may be described, on worked examples."""

from __future__ import annotations

import pandas as pd

from access.suppress import OTHER_ORGANISATION, respondent_groups, suppress, suppress_long


def test_worked_example_primary_and_secondary_suppression() -> None:
    # persons found per municipality and kind of object; the row and column totals are published.
    # Bladel/woning = 2 and Eersel/loods = 1 are below 5 (primary). Row Bladel would then have one hidden cell
    # (13 - 8 - 3 gives it back), so a second cell of that row is hidden: loods (8), chosen because column loods
    # also has exactly one hidden cell, so one cell protects both. Row Eersel then has only loods hidden ->
    # Eersel/woning (7) is hidden too. Now every row and column holding a hidden cell holds two.
    table = pd.DataFrame({"woning": [2, 10, 7, 0], "loods": [8, 9, 1, 6], "chalet": [11, 12, 15, 20]},
                         index=["Bladel", "Best", "Eersel", "Waalre"])
    result = suppress(table, ["woning", "loods", "chalet"], 5)
    assert result.shown.to_dict("index") == {
        "Bladel": {"woning": "<5", "loods": "<5", "chalet": 11},
        "Best": {"woning": 10, "loods": 9, "chalet": 12},
        "Eersel": {"woning": "<5", "loods": "<5", "chalet": 15},
        "Waalre": {"woning": 0, "loods": 6, "chalet": 20},
    }
    assert result.primary.sum().sum() == 2 and result.secondary.sum().sum() == 2
    assert result.secondary.at["Bladel", "loods"] and result.secondary.at["Eersel", "woning"]
    # no hidden cell can be recomputed: every row and column has zero or at least two hidden cells
    hidden = result.hidden
    assert set(hidden.sum(axis=1)) <= {0, 2} and set(hidden.sum(axis=0)) <= {0, 2}


def test_nothing_small_nothing_hidden_and_threshold_is_a_parameter() -> None:
    table = pd.DataFrame({"a": [5, 6], "b": [7, 0]})
    assert not suppress(table, ["a", "b"], 5).any  # zero describes nobody: not hidden
    result = suppress(table, ["a", "b"], 7)  # 5 and 6 hidden; each row then needs its other cell hidden too
    assert result.shown.to_dict("list") == {"a": ["<7", "<7"], "b": ["<7", "<7"]}


def test_a_single_column_hides_the_next_smallest() -> None:
    result = suppress(pd.DataFrame({"n": [3, 40, 12, 9]}), ["n"], 5)
    assert result.shown["n"].tolist() == ["<5", 40, 12, "<5"]  # 9 hidden, else 64 - 40 - 12 - 9 = 3


def test_respondents_only_as_fine_as_the_threshold_allows() -> None:
    people = pd.DataFrame(
        [(f"R{i:02}", "Gemeente", "toezichthouder") for i in range(6)]
        + [(f"R{i:02}", "Gemeente", "juridisch") for i in range(6, 8)]
        + [("R08", "UWV", "partner"), ("R09", "SVB", "partner"), ("R10", "AVIM", "politie")],
        columns=["respondent_id", "organisatie", "rol"])
    groups = respondent_groups(people, 5)
    assert groups["R00"] == "Gemeente · toezichthouder"  # 6 respondents share organisation and role
    assert groups["R06"] == "Gemeente"  # 2 jurists: organisation only (8 from the municipality)
    assert groups["R08"] == ""  # UWV, SVB, AVIM: 3 together, fewer than 5: nothing
    assert respondent_groups(people, 3)["R08"] == OTHER_ORGANISATION


def test_long_table_is_suppressed_as_its_cross_table() -> None:
    # persons per municipality and category, one line per pair (a missing pair is 0). Cross table:
    #            Best  Bladel
    # woning       10      3     <- Bladel/woning 3 hidden; row woning then needs a second: Best/woning (10)
    # loods         2      8     <- Best/loods 2 hidden; column Best now has two, row loods needs Bladel/loods
    # chalet        7      -
    long = pd.DataFrame({"gemeente": ["Best", "Bladel", "Best", "Bladel", "Best"],
                         "soort": ["woning", "woning", "loods", "loods", "chalet"], "n": [10, 3, 2, 8, 7]})
    hidden = suppress_long(long, "n", "soort", "gemeente", 5)
    assert hidden.tolist() == [True, True, True, True, False]
    assert suppress_long(long, "n", "soort", None, 5).tolist() == [False, True, True, False, False]  # one column

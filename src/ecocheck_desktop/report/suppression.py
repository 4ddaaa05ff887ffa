"""Which cells of the anonymised consortium summary are suppressed (primary and complementary).

Primary suppression: a cell that aggregates fewer than ``minimum`` companies is not shown.
That alone is not safe: where a shown total is the sum of shown parts (the overview total =
the industries = the energies; Scope 1 + Scope 2 = the total; Scope 1 = the fuels, Scope 2 =
electricity and heat), a single hidden part is the total minus the others. Complementary
suppression closes that: in every additive relation ``total = part + part + ...`` the hidden
cells (those aggregating at least one company; a cell of no company is a known 0) must be

- none, or at least two, and
- when only parts are hidden (the total shown), their sum (which the reader can compute)
  must itself aggregate at least ``minimum`` companies.

Until that holds the smallest shown part is hidden as well (the total when no part is left),
and the relations are checked again, since a cell hidden for one relation may leave another
with a single hidden cell. Each step hides one more cell, so the loop ends.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import TypeVar

Key = TypeVar("Key", bound=Hashable)


def suppressed_cells(
    companies: Mapping[Key, int],
    relations: Iterable[tuple[Key, Sequence[Key]]],
    minimum: int,
    primary: Iterable[Key] = (),
) -> set[Key]:
    """The cells to hide: those of fewer than ``minimum`` companies (and ``primary``), plus
    the complementary cells that keep every hidden one from being recovered by subtraction.

    ``companies`` gives each cell's number of companies; ``relations`` are (total, parts)
    with total = sum of parts. Ties between equally small parts go to the first listed.
    """
    hidden = {key for key, n in companies.items() if n < minimum}
    hidden.update(primary)
    rules = [(total, list(parts)) for total, parts in relations]

    def informative(key: Key) -> bool:
        return companies.get(key, 0) > 0

    changed = True
    while changed:
        changed = False
        for total, parts in rules:
            members = [total, *parts]
            hidden_members = [k for k in members if k in hidden and informative(k)]
            if not hidden_members:
                continue
            hidden_parts = [k for k in parts if k in hidden and informative(k)]
            total_shown = total not in hidden
            enough = len(hidden_members) >= 2 and (
                not total_shown or sum(companies.get(k, 0) for k in hidden_parts) >= minimum
            )
            if enough:
                continue
            shown_parts = [k for k in parts if k not in hidden and informative(k)]
            if shown_parts:
                hidden.add(min(shown_parts, key=lambda k: companies.get(k, 0)))
            elif total_shown and informative(total):
                hidden.add(total)
            else:
                continue  # nothing left to hide in this relation
            changed = True
    return hidden

"""Reading long columns of plain values without building a row object for each.

The article list reads every id of the newsroom in display order (93,000 at
100,000 stories) when it opens. SQLAlchemy's result rows cost about three
quarters of that time; an integer column needs none of their processing. The
statement is still compiled and its parameters bound by SQLAlchemy, so filters
with enums or dates stay correct; only the rows are read off the driver's
cursor as they come.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select
from sqlalchemy.orm import Session

__all__ = ["first_column"]


def first_column(session: Session, query: Select[Any]) -> list[Any]:
    """The first column of every row of ``query``, as the driver returns it.

    Only for columns the driver already returns as the wanted Python values
    (integer ids); a column with a type that converts (dates on SQLite, enums,
    JSON) must go through the ordinary result.
    """
    result = session.connection().execute(query)
    try:
        return [row[0] for row in result.cursor.fetchall()]
    finally:
        result.close()

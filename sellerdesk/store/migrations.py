"""Schema migrations: one function per version, each run in its own transaction.

Never edit a released step: add a new one. Each step has a test in
tests/store/test_migration_v<N>.py.
"""

from __future__ import annotations

from collections.abc import Callable

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported where a migration actually runs (Store.db)
    import sqlite_utils


def _v1(db: "sqlite_utils.Database") -> None:
    db.executescript(
        """
        CREATE TABLE imports (
            id INTEGER PRIMARY KEY,
            file_name TEXT NOT NULL,
            path TEXT NOT NULL,
            fingerprint TEXT NOT NULL,  -- size + first/last MiB: recognises the same file again
            platform TEXT NOT NULL,
            layout TEXT NOT NULL,
            layout_label_zh TEXT NOT NULL DEFAULT '',
            layout_label_en TEXT NOT NULL DEFAULT '',
            encoding TEXT,
            imported_at TEXT NOT NULL,
            rows_read INTEGER NOT NULL DEFAULT 0,
            rows_rejected INTEGER NOT NULL DEFAULT 0,
            orders_added INTEGER NOT NULL DEFAULT 0,
            orders_updated INTEGER NOT NULL DEFAULT 0,
            lines_added INTEGER NOT NULL DEFAULT 0,
            lines_updated INTEGER NOT NULL DEFAULT 0,
            refunds_added INTEGER NOT NULL DEFAULT 0,
            refunds_updated INTEGER NOT NULL DEFAULT 0,
            buyers_added INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE buyers (
            id INTEGER PRIMARY KEY,
            platform TEXT NOT NULL,
            buyer_key TEXT NOT NULL,
            account TEXT,
            name TEXT,
            phone TEXT,
            province TEXT,
            city TEXT,
            profile_at TEXT,  -- time of the order the profile fields were taken from
            UNIQUE (platform, buyer_key)
        );
        CREATE TABLE orders (
            id INTEGER PRIMARY KEY,
            platform TEXT NOT NULL,
            order_no TEXT NOT NULL,
            shop TEXT,
            buyer_id INTEGER REFERENCES buyers(id),
            receiver_name TEXT,
            receiver_phone TEXT,
            province TEXT,
            city TEXT,
            address TEXT,
            status TEXT,
            status_text TEXT,
            created_at TEXT,
            paid_at TEXT,
            goods_fen INTEGER,
            shipping_fen INTEGER,
            paid_fen INTEGER,
            refund_fen INTEGER,
            refund_state TEXT,
            item_count INTEGER,
            title TEXT,
            import_id INTEGER REFERENCES imports(id),
            UNIQUE (platform, order_no)
        );
        CREATE TABLE order_lines (
            id INTEGER PRIMARY KEY,
            platform TEXT NOT NULL,
            order_no TEXT NOT NULL,
            line_key TEXT NOT NULL,
            title TEXT,
            item_id TEXT,
            sku TEXT,
            spec TEXT,
            quantity INTEGER,
            unit_price_fen INTEGER,
            amount_fen INTEGER,
            status_text TEXT,
            refund_fen INTEGER,
            import_id INTEGER REFERENCES imports(id),
            UNIQUE (platform, order_no, line_key)
        );
        CREATE TABLE refunds (
            id INTEGER PRIMARY KEY,
            platform TEXT NOT NULL,
            refund_no TEXT NOT NULL,
            order_no TEXT NOT NULL,
            line_key TEXT,
            status TEXT NOT NULL,
            status_text TEXT,
            amount_fen INTEGER,
            title TEXT,
            reason TEXT,
            applied_at TEXT,
            finished_at TEXT,
            import_id INTEGER REFERENCES imports(id),
            UNIQUE (platform, refund_no)
        );
        CREATE INDEX refunds_order ON refunds (platform, order_no);
        CREATE INDEX orders_buyer ON orders (buyer_id, created_at);
        CREATE INDEX orders_created ON orders (created_at);
        CREATE TABLE shop_summary (
            platform TEXT NOT NULL,
            shop TEXT NOT NULL,
            orders INTEGER NOT NULL,
            countable_orders INTEGER NOT NULL,
            buyers INTEGER NOT NULL,
            repeat_buyers INTEGER NOT NULL,
            paid_fen INTEGER NOT NULL,
            net_fen INTEGER,
            refund_fen INTEGER,
            refunded_orders INTEGER,
            first_order_at TEXT,
            last_order_at TEXT,
            PRIMARY KEY (platform, shop)
        );
        CREATE TABLE column_mappings (
            signature TEXT PRIMARY KEY,
            mapping TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT
        );
        """
    )


def _v2(db: "sqlite_utils.Database") -> None:
    """Customer groups: per-buyer figures, tags, notes, saved groups, outreach records."""
    db.executescript(
        """
        CREATE TABLE buyer_stats (  -- refreshed after every import (store/buyer_stats.py)
            buyer_id INTEGER PRIMARY KEY REFERENCES buyers(id),
            orders INTEGER NOT NULL,
            countable_orders INTEGER NOT NULL,
            paid_fen INTEGER NOT NULL,
            aov_fen INTEGER,
            refunded_orders INTEGER NOT NULL,
            first_order_day TEXT,
            last_order_day TEXT,
            last_item TEXT
        );
        -- (figure, countable_orders): sorts, ranks and quintile histograms as index-only scans
        CREATE INDEX buyer_stats_paid ON buyer_stats (paid_fen, countable_orders);
        CREATE INDEX buyer_stats_countable ON buyer_stats (countable_orders);
        CREATE INDEX buyer_stats_last ON buyer_stats (last_order_day, countable_orders);
        CREATE INDEX buyer_stats_first ON buyer_stats (first_order_day);
        CREATE INDEX buyer_stats_aov ON buyer_stats (aov_fen);
        CREATE TABLE buyer_tags (
            buyer_id INTEGER NOT NULL REFERENCES buyers(id),
            tag TEXT NOT NULL,
            added_at TEXT NOT NULL,
            PRIMARY KEY (buyer_id, tag)
        ) WITHOUT ROWID;
        CREATE INDEX buyer_tags_tag ON buyer_tags (tag, buyer_id);
        CREATE TABLE buyer_notes (
            buyer_id INTEGER PRIMARY KEY REFERENCES buyers(id),
            note TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE phone_reveals (  -- who saw a full phone number, and when (PIPL)
            id INTEGER PRIMARY KEY,
            buyer_id INTEGER NOT NULL REFERENCES buyers(id),
            revealed_by TEXT NOT NULL,
            revealed_at TEXT NOT NULL
        );
        CREATE TABLE saved_groups (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            rule TEXT NOT NULL,  -- domain.rules.Rule as JSON
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE outreaches (  -- every exported list, so reports can measure who bought afterwards
            id INTEGER PRIMARY KEY,
            created_at TEXT NOT NULL,
            group_key TEXT NOT NULL,
            group_name TEXT NOT NULL,
            as_of TEXT NOT NULL,
            channel TEXT NOT NULL,
            text_a TEXT NOT NULL,
            text_b TEXT,
            holdout_pct INTEGER NOT NULL,
            seed INTEGER NOT NULL,
            recipients INTEGER NOT NULL,
            holdout INTEGER NOT NULL,
            usable INTEGER NOT NULL,
            send_at TEXT,
            file_name TEXT NOT NULL
        );
        CREATE TABLE outreach_members (
            outreach_id INTEGER NOT NULL REFERENCES outreaches(id) ON DELETE CASCADE,
            buyer_id INTEGER NOT NULL REFERENCES buyers(id),
            arm TEXT NOT NULL,  -- 'A', 'B' or 'holdout'
            usable INTEGER NOT NULL,  -- a phone (or address) the channel can reach
            PRIMARY KEY (outreach_id, buyer_id)
        ) WITHOUT ROWID;
        """
    )
    from sellerdesk.store.buyer_stats import refresh_buyer_stats

    refresh_buyer_stats(db.conn)


def _v3(db: "sqlite_utils.Database") -> None:
    """Promo calendar: the shop's own events, campaigns with phases, tasks, reminders, playbooks.

    Days are 'YYYY-MM-DD', times 'YYYY-MM-DD HH:MM:SS' (naive Asia/Shanghai), so
    text order is time order.
    """
    db.executescript(
        """
        CREATE TABLE user_events (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            start_day TEXT NOT NULL,
            end_day TEXT NOT NULL,
            yearly INTEGER NOT NULL DEFAULT 0,  -- repeats on the same month/day every year
            notes TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE campaigns (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            festival_key TEXT,
            year INTEGER NOT NULL,
            anchor_day TEXT NOT NULL,  -- the festival's main day the playbook offsets count from
            playbook_key TEXT,
            target_fen INTEGER,
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        );
        CREATE INDEX campaigns_festival ON campaigns (festival_key, year);
        CREATE TABLE campaign_phases (
            campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            name_zh TEXT NOT NULL,
            name_en TEXT NOT NULL,
            start_day TEXT NOT NULL,
            end_day TEXT NOT NULL,
            PRIMARY KEY (campaign_id, key)
        ) WITHOUT ROWID;
        CREATE TABLE tasks (
            id INTEGER PRIMARY KEY,
            campaign_id INTEGER REFERENCES campaigns(id) ON DELETE CASCADE,
            title TEXT NOT NULL,
            starts_at TEXT NOT NULL,
            ends_at TEXT,  -- NULL: a point in time
            phase TEXT,
            owner TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            group_key TEXT,
            channel TEXT,
            message TEXT NOT NULL DEFAULT '',
            lead_minutes INTEGER,  -- NULL: the shop's default lead
            source_key TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'todo',  -- todo | done | skipped ('late' is computed)
            snoozed_until TEXT,
            outreach_id INTEGER REFERENCES outreaches(id) ON DELETE SET NULL,
            done_at TEXT,
            created_at TEXT NOT NULL
        );
        CREATE INDEX tasks_starts ON tasks (starts_at);
        CREATE INDEX tasks_campaign ON tasks (campaign_id);
        CREATE INDEX tasks_todo ON tasks (status, starts_at);
        CREATE TABLE task_checklist (
            task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
            pos INTEGER NOT NULL,
            text TEXT NOT NULL,
            done INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (task_id, pos)
        ) WITHOUT ROWID;
        CREATE TABLE reminders_fired (  -- so a reminder never fires twice, even across restarts
            task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
            fire_at TEXT NOT NULL,
            fired_at TEXT NOT NULL,
            PRIMARY KEY (task_id, fire_at)
        ) WITHOUT ROWID;
        CREATE TABLE playbooks (  -- the user's own and edited built-in playbooks (JSON, schema version 1)
            key TEXT PRIMARY KEY,
            json TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        """
    )


def _v4(db: "sqlite_utils.Database") -> None:
    """Returns and exchanges: after-sales cases, the shop's own scripts, script usage, and the
    lookup indexes that find a buyer as the agent types (order number, nick or name prefix,
    last four phone digits) on a 300,000-buyer shop.

    Built-in scripts live in resources/scripts/library.json; script_overrides holds only what
    the shop wrote or edited (a whole script, library format), script_prefs only how it arranged
    them (position, enabled, shortcut), so reordering or switching off a built-in script never
    freezes its text when a newer SellerDesk improves it.
    """
    db.executescript(
        """
        CREATE TABLE cases (
            id INTEGER PRIMARY KEY,
            order_no TEXT NOT NULL,
            platform TEXT,  -- NULL: the order was not in the shop when the case was logged
            buyer_id INTEGER REFERENCES buyers(id) ON DELETE SET NULL,
            reason TEXT NOT NULL,
            script_key TEXT,
            offered TEXT NOT NULL DEFAULT '',
            outcome TEXT,
            cost_fen INTEGER NOT NULL DEFAULT 0,
            status TEXT NOT NULL DEFAULT 'open',  -- open | waiting_buyer | resolved
            follow_up TEXT,  -- 'YYYY-MM-DD'
            notes TEXT NOT NULL DEFAULT '',
            item_title TEXT,
            sku TEXT,
            task_id INTEGER REFERENCES tasks(id) ON DELETE SET NULL,  -- the follow-up's calendar to-do
            created_at TEXT NOT NULL,
            closed_at TEXT
        );
        CREATE INDEX cases_created ON cases (created_at);
        CREATE INDEX cases_buyer ON cases (buyer_id, created_at);
        CREATE INDEX cases_order ON cases (order_no);
        CREATE INDEX cases_open ON cases (status) WHERE status != 'resolved';
        CREATE TABLE script_overrides (
            key TEXT PRIMARY KEY,
            json TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE script_prefs (
            key TEXT PRIMARY KEY,
            position INTEGER,
            enabled INTEGER NOT NULL DEFAULT 1,
            shortcut INTEGER
        );
        CREATE TABLE script_usage (
            key TEXT NOT NULL,
            day TEXT NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (key, day)
        ) WITHOUT ROWID;
        """
    )
    db.conn.execute("CREATE INDEX orders_order_no ON orders (order_no)")  # dropped again by step 9
    for name in LOOKUP_INDEXES:
        db.conn.execute(ORDER_INDEXES[name])



def _v5(db: "sqlite_utils.Database") -> None:
    """The retrospective's data the exports do not have: traffic and spend per channel and day
    (typed in the report tab's grid or imported from the platform's analytics xlsx), and the
    owner's notes (lessons, owners, next actions) kept with a campaign or a period.

    Notes outlive their campaign (SET NULL) with their festival key, so the lessons still come
    back when the same festival comes round next year.
    """
    db.executescript(
        """
        CREATE TABLE channel_stats (
            day TEXT NOT NULL,  -- 'YYYY-MM-DD'
            channel TEXT NOT NULL,  -- domain.channels key ('ztc', 'natural', ...)
            spend_fen INTEGER,  -- NULL: not entered (a zero is a zero)
            uv INTEGER,
            pv INTEGER,
            clicks INTEGER,
            orders INTEGER,
            sales_fen INTEGER,  -- sales the platform attributes to the channel
            campaign_id INTEGER REFERENCES campaigns(id) ON DELETE SET NULL,  -- typed for this campaign
            source TEXT NOT NULL DEFAULT 'typed',  -- typed | imported
            updated_at TEXT NOT NULL,
            PRIMARY KEY (day, channel)  -- the period queries are ranges on day
        ) WITHOUT ROWID;
        CREATE TABLE report_notes (
            id INTEGER PRIMARY KEY,
            festival_key TEXT,
            campaign_id INTEGER REFERENCES campaigns(id) ON DELETE SET NULL,
            period_start TEXT NOT NULL,
            period_end TEXT NOT NULL,
            lessons TEXT NOT NULL DEFAULT '',
            owners TEXT NOT NULL DEFAULT '',
            next_actions TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL
        );
        CREATE UNIQUE INDEX report_notes_campaign ON report_notes (campaign_id) WHERE campaign_id IS NOT NULL;
        CREATE INDEX report_notes_period ON report_notes (period_start, period_end);
        CREATE INDEX report_notes_festival ON report_notes (festival_key, period_start);
        """
    )

def _v6(db: "sqlite_utils.Database") -> None:
    """The retrospective report's covering index of the orders by time (orders_period, in
    ORDER_INDEXES): every column a report reads of a period's orders, so the period is read in
    index order without looking up each order's row (~126 MB per 1,000,000 orders, ~1.4 s to
    build after a bulk load)."""
    db.conn.execute(ORDER_INDEXES["orders_period"])


def _v7(db: "sqlite_utils.Database") -> None:
    """The retrospective report's kept days (store.report_days): a day's headline, items and pairs,
    computed by the first report that needs the day and emptied by every refresh of
    buyer_stats (an import that changed the orders). Empty here: the first report fills them."""
    db.executescript(
        """
        CREATE TABLE report_days (  -- one row per kept day (zeros: no order that day)
            day TEXT PRIMARY KEY,  -- 'YYYY-MM-DD'
            paid_fen INTEGER NOT NULL, orders INTEGER NOT NULL, buyers INTEGER NOT NULL,
            paid_orders INTEGER NOT NULL, refunded_orders INTEGER NOT NULL, refund_fen INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE report_item_days (  -- the items of a kept day (store.report_queries.item_days)
            day TEXT NOT NULL,
            title TEXT NOT NULL,
            units INTEGER NOT NULL, sales_fen INTEGER NOT NULL, orders INTEGER NOT NULL,
            PRIMARY KEY (day, title)
        ) WITHOUT ROWID;
        CREATE TABLE report_pair_days (  -- two items in the same order, per kept day (report_queries.pair_days)
            day TEXT NOT NULL,
            first TEXT NOT NULL,
            second TEXT NOT NULL,  -- first < second
            orders INTEGER NOT NULL,
            PRIMARY KEY (day, first, second)
        ) WITHOUT ROWID;
        """
    )


def _v8(db: "sqlite_utils.Database") -> None:
    """Drop orders_created (created_at): it is a prefix of orders_period (step 6), which serves
    every created_at range the app asks (checked with EXPLAIN QUERY PLAN over every statement the
    test suite runs), so it only cost a bulk load ~0.8-1.1 s to build per 1,000,000 orders and
    ~28 MB of disk. Step 1 still creates it; this step removes it."""
    db.conn.execute("DROP INDEX IF EXISTS orders_created")


def _v9(db: "sqlite_utils.Database") -> None:
    """Drop orders_order_no (order_no alone): an order number typed without its platform is found
    through the (platform, order_no) key, one search per platform the orders have
    (store.returns.orders_by_number), so the index only cost a first load of 1,000,000 orders
    ~0.4 s and ~28 MB. Step 4 still creates it; this step removes it."""
    db.conn.execute("DROP INDEX IF EXISTS orders_order_no")


# Secondary indexes of the orders and buyers tables: a bulk load into an empty shop
# drops them and builds them once at the end (much faster than row-by-row upkeep).
ORDER_INDEXES: dict[str, str] = {
    "orders_buyer": "CREATE INDEX orders_buyer ON orders (buyer_id, created_at)",
    # Step 6, the report: a period's orders with every column services.reports reads of them
    # (store.report_queries), so a period is one ordered read of the index, not ~100,000 lookups.
    "orders_period": "CREATE INDEX orders_period ON orders (created_at, status, refund_state, paid_fen, buyer_id, "
                     "refund_fen, province, item_count, platform, order_no, title)",
    # Step 4, the returns tab's lookup. Phone tails are indexed expressions: the query must say
    # substr(x, -4) exactly. Nicks and names are matched by case-insensitive prefix (LIKE 'tb%'),
    # which only a NOCASE index serves; buyer_stats' sort keys are case-sensitive copies for
    # sorting and may be missing, so they cannot. (An order number alone, which the agent types
    # without its platform, is searched on the (platform, order_no) key once per platform.)
    "orders_phone_tail": "CREATE INDEX orders_phone_tail ON orders (substr(receiver_phone, -4))",
    "buyers_account_nocase": "CREATE INDEX buyers_account_nocase ON buyers (account COLLATE NOCASE)",
    "buyers_name_nocase": "CREATE INDEX buyers_name_nocase ON buyers (name COLLATE NOCASE)",
    "buyers_phone_tail": "CREATE INDEX buyers_phone_tail ON buyers (substr(phone, -4))",
}
LOOKUP_INDEXES = ("orders_phone_tail", "buyers_account_nocase", "buyers_name_nocase",
                  "buyers_phone_tail")

MIGRATIONS: list[tuple[int, Callable[["sqlite_utils.Database"], None]]] = [
    (1, _v1),
    (2, _v2),
    (3, _v3),
    (4, _v4),
    (5, _v5),
    (6, _v6),
    (7, _v7),
    (8, _v8),
    (9, _v9),
]
SCHEMA_VERSION = MIGRATIONS[-1][0]

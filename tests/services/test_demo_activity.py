"""The demo shop's campaigns, ad spend and cases: every tab has something to show, the same each time."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from sellerdesk.domain.promo import TaskStatus
from sellerdesk.services import campaigns, channel_data, returns
from sellerdesk.services.demo import build_demo_shop
from sellerdesk.services.demo_activity import add_demo_activity
from sellerdesk.services.shop import ShopFile

TODAY = date(2026, 12, 1)


@pytest.fixture(scope="module")
def shop(tmp_path_factory):
    shop = ShopFile(tmp_path_factory.mktemp("demo_activity") / "shop.sqlite")
    build_demo_shop(shop, buyers=300, seed=4, today=TODAY)
    shop.activity = add_demo_activity(shop, TODAY, seed=4)
    return shop


def test_last_1111_is_mostly_done_and_the_next_festival_is_planned(shop):
    made = campaigns.list_campaigns(shop)
    assert [(c.festival_key, c.year) for c in made] == [("1111", 2026), ("1212", 2026)]
    tasks = campaigns.campaign_tasks(shop, made[0].id)
    now = datetime(2026, 12, 1, 9, 0)
    past = [t for t in tasks if t.due_end < now]
    done = [t for t in past if t.status is TaskStatus.DONE]
    assert len(done) >= 0.7 * len(past)
    assert any(t.status_at(now) is TaskStatus.LATE for t in past) or len(done) < len(past)
    assert all(t.status is TaskStatus.TODO for t in campaigns.campaign_tasks(shop, made[1].id))


def test_ad_spend_covers_the_campaigns_selling_days(shop):
    rows = channel_data.channel_rows(shop, date(2026, 10, 1), date(2026, 11, 30))
    assert len(rows) == shop.activity.channel_rows > 0
    totals = {t.channel: t for t in channel_data.channel_totals(shop, date(2026, 10, 1), date(2026, 11, 30))}
    assert totals["ztc"].roi is not None and totals["natural"].spend_fen is None


def test_a_dozen_cases_some_still_open(shop):
    cases = returns.list_cases(shop, date(2026, 11, 1), TODAY)
    assert len(cases) == shop.activity.cases == 12
    assert 1 <= sum(c.is_open for c in cases) < 12
    assert all(c.follow_up == date(2026, 12, 2) for c in cases if c.is_open)


def test_the_same_seed_makes_the_same_activity(tmp_path, shop):
    other = ShopFile(tmp_path / "again.sqlite")
    build_demo_shop(other, buyers=300, seed=4, today=TODAY)
    add_demo_activity(other, TODAY, seed=4)
    key = lambda s: [(r.day, r.channel, r.spend_fen, r.sales_fen) for r in  # noqa: E731
                     channel_data.channel_rows(s, date(2026, 10, 1), date(2026, 11, 30))]
    assert key(other) == key(shop)

"""The customer groups a task can point at: every built-in group and the shop's saved groups, by name."""

from __future__ import annotations

from sellerdesk.domain.segments import group_names
from sellerdesk.services.segmentation import load_settings
from sellerdesk.services.shop import ShopFile
from sellerdesk.store.saved_groups import list_saved


def group_choices(shop: ShopFile, lang: str = "zh") -> dict[str, str]:
    """key -> name in `lang`, built-in groups first (in their usual order), then saved groups."""
    store = shop.open()
    try:
        names = group_names(load_settings(store))
        saved = list_saved(store.conn)
    finally:
        store.close()
    choices = {key: (zh if lang == "zh" else en) for key, (zh, en) in names.items()}
    choices.update({f"custom_{g.id}": g.name for g in saved})
    return choices

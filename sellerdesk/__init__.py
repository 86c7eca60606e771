"""SellerDesk (店铺客户运营台): customer operations for small Chinese online shops."""

__version__ = "0.1.0"

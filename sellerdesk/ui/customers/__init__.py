"""The Customers tab (客户分组): groups, the buyer table, one buyer, tags."""

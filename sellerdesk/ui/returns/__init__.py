"""The returns and exchanges tab (退换货): find the buyer, send the right reply, log the case."""

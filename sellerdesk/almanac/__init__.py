"""Calendar data from maintained packages: lunar dates and China's statutory holidays."""

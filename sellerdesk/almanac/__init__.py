"""Calendar data from maintained packages: lunar dates and China's statutory holidays.

The only code that imports lunardate and chinesecalendar; the rest of the app sees
plain dates and CalendarEntry values.
"""

from sellerdesk.almanac.holidays import StatutoryYear, statutory_days
from sellerdesk.almanac.lunar import spring_festival

__all__ = ["StatutoryYear", "spring_festival", "statutory_days"]

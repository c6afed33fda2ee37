"""The monthly new-resident list: import, outreach, invitation letters and inflow figures."""

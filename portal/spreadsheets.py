"""What every table export shares (CSV and XLSX, back office and public alike)."""


def cell(value):
    """Numbers stay numbers; labels (lazy translations too) become text; unknown is empty.
    Text that a spreadsheet would run as a formula ("=…", "+…", "-…", "@…", as a quote may
    begin) starts with an apostrophe, so it is shown as text and never evaluated."""
    if value is None:
        return ""
    if isinstance(value, int | float):
        return value
    text = str(value)
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text

"""People's names as Vietnamese write them."""


def user_display_name(user):
    """Family name first ("Nguyễn Ánh Xuân"): last_name holds the family and middle names."""
    if user is None:
        return ""
    name = f"{user.last_name} {user.first_name}".strip()
    return name or user.username

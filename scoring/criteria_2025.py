"""The 2025 criteria set (plan III.1, V.1.c) as editable data, stored in Vietnamese.

Each group follows one goal section a–h of the plan. ``kinds`` lists the unit
kinds a criterion applies to (empty: every kind). Points per kind are
normalised to 100, so hamlets are not scored on what only offices do.
"""

from decimal import Decimal as D

OFFICE = "office"
STEERING = "steering"
HAMLET = "hamlet"
TEAM = "digital_team"
ORG = "organisation"
AGENCIES = [OFFICE, STEERING, ORG]
COMMUNITY = [HAMLET, TEAM]

# (code, goal code, title)
GROUPS = [
    ("A", "a", "Lãnh đạo, chỉ đạo và tuyên truyền về chuyển đổi số"),
    ("B", "b", "Bồi dưỡng kiến thức, kỹ năng số"),
    ("C", "c", "Bảo đảm nguồn lực cho chuyển đổi số"),
    ("D", "d", "Hạ tầng số, nền tảng số và dịch vụ số"),
    ("Đ", "đ", "Phát triển kinh tế số"),
    ("E", "e", "Bảo đảm an toàn, an ninh mạng"),
    ("G", "g", "Tổ chức phong trào thi đua"),
    ("H", "h", "Chuyển đổi số trong các lĩnh vực ưu tiên"),
]

# (group, code, title, max points, kind, unit kinds, evidence required)
CRITERIA = [
    (
        "A",
        "A.1",
        "Ban hành kế hoạch, văn bản chỉ đạo triển khai chuyển đổi số năm 2025 "
        "của cơ quan, đơn vị, thôn",
        D("5"),
        "standard",
        [],
        True,
    ),
    (
        "A",
        "A.2",
        "Tổ chức tuyên truyền về chuyển đổi số qua hội nghị, loa truyền thanh, "
        "nhóm Zalo, trang mạng xã hội",
        D("5"),
        "standard",
        [],
        True,
    ),
    (
        "A",
        "A.3",
        "Tỷ lệ hộ gia đình được tuyên truyền, phổ biến về chuyển đổi số",
        D("5"),
        "standard",
        [HAMLET],
        False,
    ),
    (
        "B",
        "B.1",
        "Cán bộ, công chức, viên chức, người lao động được bồi dưỡng kỹ năng số "
        "trong năm",
        D("6"),
        "standard",
        AGENCIES,
        True,
    ),
    (
        "B",
        "B.2",
        "Người dân được hướng dẫn kỹ năng số cơ bản (cài đặt, sử dụng VNeID, "
        "dịch vụ công trực tuyến)",
        D("8"),
        "standard",
        COMMUNITY,
        False,
    ),
    (
        "B",
        "B.3",
        "Thành viên tổ công nghệ số cộng đồng tham gia tập huấn",
        D("4"),
        "standard",
        [TEAM],
        True,
    ),
    (
        "C",
        "C.1",
        "Bố trí kinh phí, nhân lực thực hiện nhiệm vụ chuyển đổi số",
        D("5"),
        "standard",
        AGENCIES,
        True,
    ),
    (
        "C",
        "C.2",
        "Huy động nguồn lực xã hội hóa (thiết bị, wifi công cộng, điện thoại "
        "thông minh cho hộ khó khăn)",
        D("4"),
        "standard",
        COMMUNITY,
        False,
    ),
    (
        "D",
        "D.1",
        "Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến",
        D("10"),
        "standard",
        [OFFICE],
        True,
    ),
    (
        "D",
        "D.2",
        "Sử dụng hệ thống quản lý văn bản điều hành và chữ ký số",
        D("8"),
        "standard",
        AGENCIES,
        False,
    ),
    (
        "D",
        "D.3",
        "Tỷ lệ hộ gia đình có kết nối internet cáp quang",
        D("6"),
        "standard",
        [HAMLET],
        False,
    ),
    (
        "D",
        "D.4",
        "Tỷ lệ người dân từ 14 tuổi trở lên có tài khoản định danh điện tử VNeID mức 2",
        D("10"),
        "standard",
        COMMUNITY,
        False,
    ),
    (
        "D",
        "D.5",
        "Nhà văn hóa thôn có wifi, loa truyền thanh thông minh hoặc camera an ninh",
        D("4"),
        "standard",
        [HAMLET],
        True,
    ),
    (
        "Đ",
        "Đ.1",
        "Hộ sản xuất, kinh doanh đưa sản phẩm lên sàn thương mại điện tử",
        D("8"),
        "standard",
        [HAMLET, TEAM, ORG],
        True,
    ),
    (
        "Đ",
        "Đ.2",
        "Tỷ lệ giao dịch thanh toán không dùng tiền mặt (học phí, viện phí, "
        "điện, nước, an sinh xã hội)",
        D("8"),
        "standard",
        [],
        False,
    ),
    (
        "Đ",
        "Đ.3",
        "Sản phẩm chủ lực, OCOP có mã QR truy xuất nguồn gốc",
        D("5"),
        "standard",
        [HAMLET],
        True,
    ),
    (
        "E",
        "E.1",
        "Không để xảy ra sự cố mất an toàn thông tin, lộ lọt thông tin",
        D("6"),
        "standard",
        [],
        False,
    ),
    (
        "E",
        "E.2",
        "Tuyên truyền phòng, chống lừa đảo qua mạng và tội phạm công nghệ cao",
        D("5"),
        "standard",
        [],
        True,
    ),
    (
        "E",
        "E.3",
        "Để xảy ra vi phạm về an toàn thông tin bị cơ quan có thẩm quyền nhắc "
        "nhở, xử lý",
        D("10"),
        "penalty",
        [],
        True,
    ),
    (
        "G",
        "G.1",
        "Hưởng ứng phong trào thi đua, đăng ký thi đua và báo cáo định kỳ đúng hạn",
        D("8"),
        "standard",
        [],
        False,
    ),
    (
        "G",
        "G.2",
        "Sáng kiến, mô hình mới, cách làm hay về chuyển đổi số được cấp có "
        "thẩm quyền công nhận",
        D("5"),
        "bonus",
        [],
        True,
    ),
    (
        "G",
        "G.3",
        "Chậm nộp báo cáo, báo cáo không đầy đủ (trừ 1 điểm mỗi lần)",
        D("5"),
        "penalty",
        [],
        False,
    ),
    (
        "H",
        "H.1",
        "Ứng dụng công nghệ số trong giáo dục, y tế (học bạ số, sổ sức khỏe "
        "điện tử, khám chữa bệnh bằng căn cước)",
        D("8"),
        "standard",
        [],
        False,
    ),
    (
        "H",
        "H.2",
        "Ứng dụng công nghệ số trong nông nghiệp, tài nguyên môi trường, giao thông",
        D("6"),
        "standard",
        [HAMLET, OFFICE],
        False,
    ),
    (
        "H",
        "H.3",
        "Nhật ký điện tử, số hóa dữ liệu hộ gia đình, bản đồ số của thôn",
        D("4"),
        "standard",
        [HAMLET, TEAM],
        False,
    ),
]

# Automatic criteria: code → (report indicator code, target). Points come from
# the unit's report: full points at or above the target, proportional below.
AUTOMATIC = {
    "D.4": ("d_vneid_muc_2", D("80")),
}

# (label, lowest total)
BANDS = [
    ("Xuất sắc", D("90")),
    ("Tốt", D("80")),
    ("Khá", D("65")),
    ("Trung bình", D("0")),
]

"""The 2025 plan (Kế hoạch … /KH-UBND, tháng 11/2025) as data, stored as written."""

import datetime

CAMPAIGN_2025 = {
    "name": "Đẩy mạnh Chương trình chuyển đổi số",
    "year": 2025,
    "plan_number": "…/KH-UBND",
    "theme": "Thi đua xây dựng chính quyền số, phát triển kinh tế số, xã hội số",
    "preamble": (
        "Thực hiện Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ về phê "
        "duyệt “Chương trình chuyển đổi số quốc gia” đến năm 2025, định hướng đến năm 2030 "
        "và Nghị quyết số 01-NQ/TU ngày 31/12/2020 của Ban Chấp hành Đảng bộ tỉnh Thái "
        "Nguyên về chương trình chuyển đổi số tỉnh Thái Nguyên, giai đoạn 2021 - 2025, định "
        "hướng đến năm 2030; Ủy ban nhân dân xã Phong Quang xây dựng Kế hoạch tổ chức phong "
        "trào thi đua “Đẩy mạnh chương trình chuyển đổi số” trên địa bàn xã Phong Quang "
        "(phong trào thi đua) với các nội dung như sau:"
    ),
    "legal_bases": "\n".join(
        [
            "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15/6/2022;",
            "Căn cứ Nghị định số 152/2025/NĐ-CP của Chính phủ quy định chi tiết một số "
            "điều của Luật Thi đua, khen thưởng;",
            "Căn cứ Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ về phê "
            "duyệt “Chương trình chuyển đổi số quốc gia” đến năm 2025, định hướng đến năm 2030;",
            "Căn cứ Nghị quyết số 01-NQ/TU ngày 31/12/2020 của Ban Chấp hành Đảng bộ tỉnh "
            "Thái Nguyên về chương trình chuyển đổi số tỉnh Thái Nguyên, giai đoạn 2021 - "
            "2025, định hướng đến năm 2030;",
            "Căn cứ Kế hoạch tổ chức phong trào thi đua “Đẩy mạnh Chương trình chuyển đổi "
            "số” trên địa bàn xã Phong Quang năm 2025.",
        ]
    ),
    "purpose": "\n".join(
        [
            "Phát huy sức mạnh của cả hệ thống chính trị và toàn xã hội trong việc tuyên "
            "truyền, nâng cao nhận thức và trực tiếp tham gia vào quá trình chuyển đổi số của xã.",
            "Tạo khí thế thi đua sôi nổi, thúc đẩy mỗi tập thể, cá nhân phấn đấu hoàn thành "
            "xuất sắc các nhiệm vụ được giao, góp phần hoàn thành các mục tiêu Nghị quyết số "
            "01-NQ/TU ngày 31/12/2020 của Ban Chấp hành Đảng bộ tỉnh Thái Nguyên về chương "
            "trình chuyển đổi số tỉnh Thái Nguyên, giai đoạn 2021 - 2025, định hướng đến năm 2030;",
            "Biểu dương, tôn vinh, khen thưởng các tập thể, cá nhân có thành tích tiêu biểu, "
            "xuất sắc trong thực hiện chương trình chuyển đổi số của xã; kịp thời phát hiện "
            "nhân tố mới, bồi dưỡng, nhân rộng các điển hình tiên tiến trong thực hiện chương "
            "trình chuyển đổi số trong toàn xã.",
        ]
    ),
    "requirements": "\n".join(
        [
            "Phong trào thi đua phải được triển khai sâu rộng đến các cơ quan, đơn vị, tổ "
            "chức, doanh nghiệp, cán bộ, đảng viên và người dân trên địa bàn xã với nội dung "
            "đa dạng, hình thức phong phú, thiết thực, phù hợp với điều kiện thực tế.",
            "Các cơ quan, đơn vị phải coi việc thực hiện phong trào thi đua là nhiệm vụ quan "
            "trọng, luôn song hành trong chỉ đạo, điều hành các hoạt động của đơn vị; chủ động "
            "thực hiện chương trình, kế hoạch, đẩy nhanh tiến trình chuyển đổi số theo từng "
            "ngành, lĩnh vực, cơ quan, đơn vị.",
            "Đề cao trách nhiệm, vai trò của người đứng đầu cơ quan, đơn vị, tổ chức, doanh "
            "nghiệp trong việc chỉ đạo, tổ chức thực hiện phong trào; việc tổ chức thực hiện "
            "phong trào phải thường xuyên, liên tục, có đôn đốc, kiểm tra, đánh giá định kỳ "
            "hằng năm, sơ kết, tổng kết.",
        ]
    ),
    "participants_collective": (
        "Các Cơ quan, đơn vị, Ban chỉ đạo, các thôn, tổ công nghệ số trên địa bàn xã Phong Quang."
    ),
    "participants_individual": (
        "Cán bộ, công chức, viên chức, người lao động tại cơ quan, đơn vị, các hộ gia đình "
        "và cá nhân toàn xã."
    ),
    "starts_on": datetime.date(2025, 1, 1),
    "ends_on": datetime.date(2025, 12, 31),
    "dossier_deadline": datetime.date(2025, 12, 15),
}

GOALS = [
    (
        "a",
        "Lãnh đạo, chỉ đạo và tuyên truyền về chuyển đổi số",
        "Tăng cường công tác lãnh đạo, chỉ đạo, đẩy mạnh công tác tuyên truyền, tổ chức phổ "
        "biến, triển khai, quán triệt chủ trương của Đảng, nâng cao nhận thức của các cấp ủy "
        "Đảng, chính quyền, người dân và tổ chức về sự cần thiết và tính cấp thiết của chuyển "
        "đổi số, chính quyền số, kinh tế số, xã hội số.\n"
        "Đẩy mạnh triển khai các nghị quyết, chương trình, kế hoạch, đề án, dự án phát triển "
        "chính quyền điện tử hướng tới chính quyền số phục vụ phát triển kinh tế, xã hội và "
        "triển khai các cơ chế,chính sách của Trung ương, của Tỉnh, của Huyện, của xã nhằm tạo "
        "môi trường pháp lý thuận lợi cho chuyển đổi số, thúc đẩy chính phủ số, thu hút doanh "
        "nghiệp tham gia vào nền kinh tế số, phát triển xã hội số.",
    ),
    (
        "b",
        "Bồi dưỡng kiến thức, kỹ năng số",
        "Tích cực bồi dưỡng kiến thức, kỹ năng về công nghệ số, chuyển đổi số cho đội ngũ cán "
        "bộ, công chức, viên chức, người lao động, nhất là đội ngũ cán bộ lãnh đạo chủ chốt, "
        "người dân và tổ chức; tập trung đào tạo, nâng cao chất lượng đội ngũ cán bộ công nghệ "
        "thông tin, thu hút nguồn nhân lực công nghệ thông tin tham gia vào quá trình chuyển "
        "đổi số của xã.",
    ),
    (
        "c",
        "Bảo đảm nguồn lực cho chuyển đổi số",
        "Ưu tiên và bảo đảm các nguồn lực để thực hiện các hoạt động chuyển đổi số",
    ),
    (
        "d",
        "Hạ tầng số, nền tảng số",
        "Tăng cường đầu tư, phát triển hạ tầng số, nền tảng số, sẵn sàng triển khai thí điểm "
        "những ứng dụng dịch vụ, nền tảng, giải pháp công nghệ mới để chuyển đổi số đối với "
        "các lĩnh vực của đời sống kinh tế - xã hội; tiên phong thử nghiệm các công nghệ và mô "
        "hình mới phục vụ chuyển đổi số.",
    ),
    (
        "đ",
        "Phát triển kinh tế số",
        "Đẩy mạnh phát triển kinh tế số với trọng tâm là phát triển doanh nghiệp công nghệ số, "
        "phát triển nội dung số, công nghiệp sáng tạo, thương mại điện tử và sản xuất thông "
        "minh, thu hút đầu tư, khuyến khích các doanh nghiệp khởi nghiệp ứng dụng công nghệ số "
        "để tạo ra các sản phẩm, dịch vụ mới trong các ngành, lĩnh vực kinh tế, xã hội. Từng "
        "bước ứng dụng công nghệ số, đặc biệt là công nghệ chuỗi khối, trí tuệ nhân tạo, dữ "
        "liệu lớn...trong tổ chức quản lý, phát triển kinh tế của xã.",
    ),
    (
        "e",
        "An toàn, an ninh mạng",
        "Tăng cường phối hợp với các cơ quan, đơn vị; đội ngũ chuyên gia an toàn, an ninh mạng "
        "để kịp thời theo dõi, phòng ngừa, ngăn chặn, phối hợp xử lý, khắc phục các sự cố về "
        "an toàn, an ninh mạng và tội phạm sử dụng công nghệ cao.",
    ),
    (
        "g",
        "Tổ chức các phong trào thi đua thiết thực",
        "Tích cực tổ chức các phong trào thi đua thiết thực, hiệu quả với nội dung, hình thức "
        "phong phú, đa dạng, bám sát các nhiệm vụ chính trị của cơ quan, đơn vị, nhằm thu hút "
        "sự tham gia, ủng hộ của các tổ chức, cá nhân trong và ngoài huyện xây dựng chính "
        "quyền số, phát triển kinh tế số, xã hội số.",
    ),
    (
        "h",
        "Chuyển đổi số trong các lĩnh vực ưu tiên",
        "Chú trọng ưu tiên, thi đua đẩy mạnh chuyển đổi số trong một số lĩnh vực sau:",
    ),
]

PRIORITY_FIELDS = [
    (
        "Giáo dục và đào tạo",
        "Đổi mới nội dung và chương trình giáo dục, đào tạo thích ứng với môi trường công "
        "nghệ liên tục thay đổi và phát triển; tận dụng công nghệ số để gia tăng khả năng tiếp "
        "cận giáo dục cho mọi đối tượng, nhất là người dân ở vùng khó khăn. Số hóa tài liệu, "
        "giáo trình, xây dựng nền tảng chia sẻ tài nguyên giảng dạy và học tập theo cả hình "
        "thức trực tiếp và trực tuyến.",
    ),
    (
        "Y tế",
        "Phát triển nền tảng hỗ trợ khám, tư vấn, chữa bệnh từ xa, từng bước xây dựng nền "
        "tảng quản trị y tế thông minh, hệ thống chăm sóc sức khỏe và y tế công cộng dựa trên "
        "nền tảng công nghệ số.",
    ),
    (
        "Văn hóa",
        "Tăng cường đầu tư quảng bá các sản phẩm văn hóa, lịch sử; xây dựng hình ảnh, văn hóa "
        "con người thân thiện, văn minh trên không gian mạng, gắn với bảo đảm an ninh, quốc "
        "phòng và trật tự, an toàn xã hội.",
    ),
    (
        "Nông nghiệp",
        "Phát triển nông nghiệp công nghệ cao, nông nghiệp thông minh, ứng dụng công nghệ số "
        "trong quản lý chất lượng, truy xuất nguồn gốc, chỉ dẫn địa lý, hướng dẫn, khuyến "
        "khích nông dân thực hiện thương mại điện tử trong nông nghiệp tập trung vào các sản "
        "phẩm chủ lực của xã .",
    ),
    (
        "Tài nguyên môi trường",
        "Xây dựng hệ thống cơ sở dữ liệu quản lý đất đai, tài nguyên, bản đồ số; triển khai "
        "các giải pháp thông minh trong giám sát, quản lý, xử lý sự cố môi trường, cảnh báo "
        "sớm thiên tai.",
    ),
    (
        "Giao thông",
        "Triển khai hệ thống giám sát giao thông thông minh. Quản lý kết cấu hạ tầng giao "
        "thông, phương tiện giao thông vận tải, quản lý người điều khiển phương tiện.",
    ),
    (
        "Công nghiệp",
        "Thu hút, khuyến khích đầu tư xây dựng nhà máy thông minh, tạo ra các sản phẩm thông "
        "minh, xây dựng dịch vụ về dữ liệu và phát triển kỹ năng số cho người lao động.",
    ),
]

# Plan IV.3–IV.4: the award kinds and the commune certificate's quota.
AWARD_KINDS = [
    {
        "code": "giay_khen_xa",
        "name": "Giấy khen của Chủ tịch UBND xã",
        "deadline_bound": True,
        "quota_collective": 2,
        "quota_individual": 3,
        "position": 1,
    },
    {
        "code": "bang_khen_tinh",
        "name": "Bằng khen của Chủ tịch UBND tỉnh",
        "deadline_bound": True,
        "quota_collective": None,
        "quota_individual": None,
        "position": 2,
    },
    {
        "code": "dot_xuat",
        "name": "Khen thưởng đột xuất",
        "deadline_bound": False,
        "quota_collective": None,
        "quota_individual": None,
        "position": 3,
    },
]

import LedgerCore

/// The fictional society the demo builds: people, households, donors and produce. No real organisation.
public enum DemoSociety {
    public static let name = "青禾村党群互助社（示例）"

    /// Key holders: file name, display name, role.
    public static let committee = [("chen", "陈主任"), ("li", "李会计"), ("wang", "王出纳")]
    public static let oversight = [("zhang", "张组长"), ("he", "何委员")]
    /// The oversight member whose key is added by governance approval during the year.
    public static let newcomer = ("huang", "黄委员")

    public static let households: [(id: MemberID, name: String, note: String?)] = [
        ("H01", "黄大伯", "种植鸡心黄皮"), ("H02", "李阿婆", "独居长者"), ("H03", "陈叔", "种植荔枝"),
        ("H04", "梁姐", "种植番薯"), ("H05", "何伯", nil), ("H06", "周婶", "养殖土鸡"),
        ("H07", "吴大哥", "种植黄皮"), ("H08", "郑阿姨", nil), ("H09", "冯伯", "种植荔枝"),
        ("H10", "罗姐", "种植番薯"), ("H11", "邓叔", nil), ("H12", "谢婆婆", "留守老人"),
    ]

    public static let companies = ["穗禾农业科技有限公司", "恒丰供销合作社", "白云区某物流公司", "爱心企业家林先生", "红棉公益服务中心"]
    public static let people = ["爱心人士周女士", "退休教师郭老师", "村民梁先生", "爱心人士匿名"]
    public static let buyers = ["社区团购", "荔湾区爱心企业团购", "助农直播", "镇食堂", nil]

    /// Produce by month (1–12): product, unit, price per unit in fen, growers.
    public static func produce(month: Int) -> [(product: String, unit: String, price: Fen, growers: [MemberID])] {
        var list: [(String, String, Fen, [MemberID])] = [("土鸡蛋", "斤", 1_200, ["H06", "H05"])]
        if (6...8).contains(month) { list.append(("鸡心黄皮", "斤", 800, ["H01", "H07"])) }
        if (6...7).contains(month) { list.append(("荔枝", "斤", 1_000, ["H03", "H09"])) }
        if (10...12).contains(month) || month == 1 { list.append(("番薯", "斤", 300, ["H04", "H10"])) }
        if month == 2 { list.append(("土鸡", "只", 8_800, ["H06"])) }
        return list
    }

    public static let inKindGifts: [(item: String, quantity: String, unit: String, value: Fen)] = [
        ("大米", "200", "斤", 80_000), ("食用油", "50", "件", 150_000), ("书包文具", "30", "件", 90_000), ("棉被", "20", "件", 120_000),
    ]

    public static let grantPurposes = ["医疗救助", "助学", "临时困难救助", "慰问金"]
}

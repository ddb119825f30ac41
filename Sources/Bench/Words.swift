import Domain

/// A small, fast, reproducible generator (SplitMix64): the same seed gives the same database.
struct Dice {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// 0 ..< n
  mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }

  /// True with probability p.
  mutating func chance(_ p: Double) -> Bool { Double(next() % 1_000_000) < p * 1_000_000 }

  mutating func pick<T>(_ list: [T]) -> T { list[below(list.count)] }
}

/// Word lists the generated text is composed from: names, places, what people ask and complain
/// about. Realistic enough that trigram search and display widths behave as in production.
enum Words {
  static let surnames = Array(
    "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
  ).map(String.init)
  static let given = Array("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华玉萍红娥玲建国志文海燕鹏辉宁晓红梅鑫凤洁琳斌淑珍兵").map(String.init)
  static let places = [
    "王岘镇", "四龙镇", "水川镇", "强湾乡", "武川乡", "人民路街道", "工农路街道", "纺织路街道", "四龙路街道", "公园路街道",
    "白银区", "银光小区", "北京路", "诚信大道", "金鱼公园", "西区市场", "友好路", "南环路",
  ]
  static let companies = ["商贸", "餐饮", "建材", "物流", "农业", "养殖", "科技", "家政", "医药", "汽修", "文化传媒", "劳务"]
  static let topics = [
    "营业执照办理", "社保卡补办", "养老保险缴费", "医保报销", "低保申请", "宅基地审批", "不动产登记", "食品经营许可", "残疾人证办理",
    "高龄补贴发放", "临时救助", "失业登记", "就业补贴", "生育登记", "公共场所卫生许可", "特种设备登记", "农药经营许可", "户籍证明",
  ]
  static let problems = [
    "窗口排队时间过长", "办理进度长时间没有更新", "工作人员态度生硬", "材料要求前后不一致", "多次往返仍未办结", "网上申请提交失败",
    "电话一直无人接听", "告知内容不清楚", "收费标准不明确", "叫号系统故障", "自助终端无法打印", "预约名额太少", "审批时限超出承诺",
  ]
  static let asks = ["请尽快处理", "希望给个明确答复", "要求说明原因", "建议增加窗口", "建议延长办公时间", "希望一次性告知所需材料", "请核实后回复"]
  static let findings = ["情况属实,已当面说明", "经核实系材料不全所致", "已协调相关科室加快办理", "已对窗口人员进行批评教育", "已调整预约名额"]

  static func personName(_ d: inout Dice) -> String {
    d.pick(surnames) + d.pick(given) + (d.chance(0.6) ? d.pick(given) : "")
  }

  static func companyName(_ d: inout Dice) -> String {
    "白银区" + d.pick(given) + d.pick(given) + d.pick(companies) + "有限公司"
  }

  /// A complaint's subject and content, composed from the lists.
  static func complaint(_ d: inout Dice) -> (subject: String, content: String) {
    let topic = d.pick(topics)
    let problem = d.pick(problems)
    let subject = topic + problem
    let content =
      "本人于\(d.pick(places))办理\(topic),\(problem),\(d.pick(problems)),\(d.pick(asks))。联系人\(personName(&d))。"
    return (subject, content)
  }

  /// A valid 18-digit 居民身份证号码 (region of 白银区, checksum per GB 11643).
  static func residentID(_ d: inout Dice) -> String {
    let year = 1940 + d.below(65)
    let month = 1 + d.below(12)
    let day = 1 + d.below(28)
    let body = "620402" + String(format: "%04d%02d%02d%03d", year, month, day, d.below(1000))
    let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    let digits = body.compactMap(\.wholeNumberValue)
    let sum = zip(digits, weights).map { $0 * $1 }.reduce(0, +)
    let check = Array("10X98765432")[sum % 11]
    return body + String(check)
  }

  /// A valid 18-character 统一社会信用代码 (checksum per GB 32100).
  static func creditCode(_ d: inout Dice) -> String {
    let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    var chars: [Character] = Array("91620402")
    for _ in 0..<9 { chars.append(alphabet[d.below(alphabet.count)]) }
    let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    var sum = 0
    for (c, w) in zip(chars, weights) { sum += (alphabet.firstIndex(of: c) ?? 0) * w }
    chars.append(alphabet[(31 - sum % 31) % 31])
    return String(chars)
  }

  static func mobile(_ d: inout Dice) -> String {
    d.pick(["138", "139", "135", "137", "189", "180", "133", "187", "199"])
      + String(format: "%08d", d.below(100_000_000))
  }
}

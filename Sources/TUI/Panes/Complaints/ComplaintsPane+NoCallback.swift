import Domain
import Store

/// 无法回访 — `h` on an anonymous complaint awaiting its callback: there is nobody to call
/// (第三十四条 calls back by phone or SMS), so the case is closed with the reason recorded. It is
/// not counted as called back: 已回访 and 回访满意率 count only the complainants reached.
extension ComplaintsPane {
  static func noCallbackForm(_ c: Complaint) -> Form {
    let given = c.registration.anonymousReason.map { ":\($0)" } ?? ""
    var f = Form(
      title: "无法回访 \(c.id)(匿名投诉)",
      fields: [
        .area(
          "reason", "无法回访的原因", value: "匿名投诉,未留联系方式\(given)", max: 200, lines: 3,
          required: true)
      ])
    f.footer = [
      "第三十四条: 通过电话、短信等方式回访;匿名投诉无从回访,记录原因后结案。",
      "不计入已回访和回访满意率。",
    ]
    return f
  }

  mutating func submitNoCallback(_ f: Form, _ c: Complaint) -> Update<ComplaintEffect> {
    flow.show(f, .callback)
    flow.confirm(
      "无法回访", ["\(c.id) 记录无法回访并结案?", "原因: \(f["reason"])"],
      .complaint(.noCallback(reason: f["reason"]), id: c.id), done: "已记录无法回访,\(c.id) 结案")
    return .handled
  }
}

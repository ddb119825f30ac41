import Domain
import Foundation

/// 好差评 demo: about sixty ratings across organisations from `demo/ratings.tsv` (mostly
/// satisfied), and the bad ones worked to different points as of 2026-11-26 — one closed after a
/// callback, one marked 无效差评, one overdue, one awaiting 复核, two awaiting 回访 (one anonymous),
/// two awaiting verification. Everything goes through the store's commands at the recorded times.
enum RectificationDemo {
  static let seed = DemoSeed("差评整改") { store, env in try run(store, env) }

  static func run(_ store: Store, _ env: DemoEnvironment) throws {
    let saved = store.clock
    defer { store.clock = saved }
    var cases: [String: String] = [:]
    var steps = Self.steps.sorted { $0.when < $1.when }
    for (i, row) in try env.share.table("demo/ratings.tsv").enumerated() {
      guard row.count >= 12, let when = DeploymentZone.shanghai.parseLocal(row[1]),
        let channel = RatingChannel(rawValue: row[2]), let level = RatingLevel(title: row[6]),
        let staff = env.staff(row[11])
      else { throw StoreError.invalid("demo/ratings.tsv 第\(i + 1)行格式错误") }
      // Steps of earlier cases that happened before this rating come first, in time order.
      try runSteps(until: when, &steps, cases, store, env)
      store.clock = { when }
      let input = RatingInput(
        channel: channel, itemCode: row[3], itemName: row[4], organisation: row[5], level: level,
        comment: row[10], realName: row[7] == "实名", reviewerName: row[8], reviewerPhone: row[9])
      let (_, caseID) = try store.registerRating(input, by: staff)
      if let caseID { cases[row[0]] = caseID }
    }
    try runSteps(until: .distantFuture, &steps, cases, store, env)
  }

  static func runSteps(
    until limit: Date, _ steps: inout [Step], _ cases: [String: String], _ store: Store,
    _ env: DemoEnvironment
  ) throws {
    while let next = steps.first, let when = DeploymentZone.shanghai.parseLocal(next.when),
      when < limit
    {
      steps.removeFirst()
      guard let id = cases[next.label], let staff = env.staff(next.login) else {
        throw StoreError.invalid("演示整改步骤引用了不存在的评价 \(next.label) 或人员 \(next.login)")
      }
      store.clock = { when }
      try store.perform(next.command, on: id, as: staff)
    }
  }

  struct Step {
    var label: String
    var when: String
    var login: String
    var command: RectificationCommand
  }

  /// What happened to the bad ratings, in time order (labels are the TSV's first column).
  static let steps: [Step] = [
    Step(
      label: "I", when: "2026-11-03T16:30", login: "wuxia",
      command: .verify(
        RectificationVerified(
          contact: .phone, findings: "电话联系刘桂芳,属实:制卡银行网点延迟回传,窗口未主动告知进度", track: .immediate))),
    Step(
      label: "I", when: "2026-11-04T10:00", login: "wuxia",
      command: .feedback(RectificationFeedback(measures: "当日协调银行加急制卡并电话通知领取;窗口增加制卡进度短信提醒"))),
    Step(
      label: "A", when: "2026-11-05T15:00", login: "zhouqiang",
      command: .verify(
        RectificationVerified(
          contact: .phone, findings: "电话联系李建国,反映属实:变更登记所需股东会决议的要求未一次说清", track: .complex))),
    Step(
      label: "I", when: "2026-11-05T15:30", login: "chenjing",
      command: .callBack(
        RectificationCalledBack(
          method: .phone, response: .basicallySatisfied, record: "已领到社保卡,希望以后提前告知进度"))),
    Step(
      label: "A", when: "2026-11-10T16:00", login: "zhouqiang",
      command: .feedback(
        RectificationFeedback(measures: "修订营业执照变更登记一次性告知单,增加股东会决议样本;对窗口人员进行服务规范培训"))),
    Step(
      label: "B", when: "2026-11-10T14:00", login: "zhouqiang",
      command: .verify(
        RectificationVerified(
          contact: .phone, findings: "电话联系王小红,其申请的是外区食品经营许可,评价时选错了办理单位", claim: .mistaken,
          evidence: "网上平台申请记录显示申请受理单位为外区市场监管局;评价人电话确认系误评,通话录音已存档"))),
    Step(
      label: "B", when: "2026-11-11T10:00", login: "chenjing",
      command: .review(
        RectificationReviewed(approved: true, opinion: "申请记录和通话录音可以证明评价对象错误,同意认定为无效差评"))),
    Step(
      label: "A", when: "2026-11-12T10:00", login: "chenjing",
      command: .callBack(
        RectificationCalledBack(method: .phone, response: .satisfied, record: "李建国表示已办结,对整改措施满意"))),
    Step(
      label: "C", when: "2026-11-17T09:30", login: "wuxia",
      command: .verify(
        RectificationVerified(
          contact: .phone, findings: "电话联系赵志强,反映属实:叫号系统升级后优先号规则设置错误,需厂家修复", track: .complex))),
    Step(
      label: "E", when: "2026-11-20T09:00", login: "zhengtao",
      command: .verify(
        RectificationVerified(
          contact: .phone, findings: "电话联系马秀兰,属实:镇便民服务中心网络故障当日未能办理,也未告知可以预约", track: .immediate))),
    Step(
      label: "E", when: "2026-11-20T16:30", login: "zhengtao",
      command: .feedback(RectificationFeedback(measures: "已上门为马秀兰办结参保登记;网络故障时改用预约办理并当场告知"))),
    Step(
      label: "F", when: "2026-11-23T09:30", login: "linna",
      command: .verify(
        RectificationVerified(
          contact: .unreachable, findings: "匿名评价,无法联系评价人;经查掌上办事进度页面未同步审核节点", track: .immediate))),
    Step(
      label: "F", when: "2026-11-24T11:00", login: "linna",
      command: .feedback(RectificationFeedback(measures: "已协调平台补推最低生活保障审核节点,进度可在掌上办事查询"))),
    Step(
      label: "D", when: "2026-11-25T10:00", login: "zhouqiang",
      command: .verify(
        RectificationVerified(
          contact: .phone, findings: "电话联系孙海涛,其因经营场所证明不全未能当场办结,承认评价系情绪发泄", claim: .malicious,
          evidence: "窗口已出具一次性告知书,评价人签收;通话中评价人表示只是发泄不满"))),
  ]
}

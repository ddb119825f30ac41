import Domain
import Foundation

extension Demo {
  /// 受理登记 demo: a handful of applications in varied states as of today — a walk-in awaiting
  /// acceptance, a concluded one whose limit a supervisor extended (延长审批), one waiting for the
  /// applicant's supplement, one overdue in review, one stopped for an expert review, an online
  /// one awaiting pre-review and one deemed accepted, a refusal, and concluded ones — each
  /// written through the same commands a clerk uses, on the days the steps were taken.
  static let applications = DemoSeed("受理登记") { store, env in
    let names = ["liuyang", "wangfang", "zhouqiang", "wuxia", "linna", "chenjing"]
    let staff = names.compactMap { env.staff($0) }
    guard staff.count == names.count else {
      throw StoreError.invalid("演示工作人员 \(names.joined(separator: "、")) 缺失(demo/staff.tsv)")
    }
    let (liuyang, wangfang, zhouqiang, wuxia, linna, chenjing) = (
      staff[0], staff[1], staff[2], staff[3], staff[4], staff[5]
    )
    let clock = store.clock
    defer { store.clock = clock }
    // Fixed before the clock is moved: every step is dated from the demo's today.
    let days = (0...8).map { workingDay(store, before: $0) }
    /// Steps are taken `n` working days before today, at the given time.
    func on(_ n: Int, _ hour: Int, _ minute: Int = 0) {
      let d = days[n]
      let instant = store.zone.instant(d, hour: hour, minute: minute)
      store.clock = { instant }
    }
    func person(_ name: String, _ id: String, _ phone: String) -> Applicant {
      Applicant(kind: .person, name: name, idNumber: id, phone: phone)
    }
    func company(_ name: String, _ creditCode: String, _ phone: String) -> Applicant {
      Applicant(kind: .organisation, name: name, idNumber: creditCode, phone: phone)
    }
    func register(
      _ code: String, _ who: Applicant, by s: Staff, channel: ApplicationChannel = .counter,
      missing: Set<String> = []
    ) throws -> String {
      guard let item = try store.directoryItem(code: code) else {
        throw StoreError.invalid("演示事项 \(code) 缺失(demo/catalog.json)")
      }
      let materials = item.snapshot.materials.map { m -> MaterialStatus in
        missing.contains(m.name) ? .missing : MaterialStatus.initial(for: m)
      }
      return try store.registerApplication(
        RegistrationInput(itemCode: code, applicant: who, channel: channel, materials: materials),
        items: store, by: s
      ).application.caseID
    }
    func step(_ c: ApplicationCommand, _ id: String, _ s: Staff) throws {
      try store.perform(c, on: id, as: s)
    }

    // Concluded two days ago with a certificate; the rating is left for the demo (key e).
    on(3, 9, 10)
    let done = try register(
      "SCJG-DJ-001", person("马晓燕", "620402199202020052", "13993012345"), by: zhouqiang)
    try step(.accept, done, zhouqiang)
    // 延长审批, approved by the centre's supervisor (行政许可法 第四十二条).
    on(3, 16, 0)
    try step(
      .extendLimit(days: 5, reason: "经营场所为新建商铺,需待不动产登记信息共享后核实产权"), done, chenjing)
    on(2, 10, 0)
    try step(.startReview(opinion: "材料齐全,经营场所核实无误"), done, zhouqiang)
    try step(.decide(.approved, reason: ""), done, zhouqiang)
    on(2, 15, 30)
    try step(
      .conclude(
        ConclusionInput(certificateName: "营业执照", certificateNumber: "92620402MA7K2L3M45")),
      done, liuyang)

    // Refused at intake: not a member of the village collective.
    on(5, 11, 0)
    let refused = try register(
      "WXZ-XK-001", person("杨建军", "620421197806150034", "13830456789"), by: liuyang)
    try step(.refuse(reason: "申请人户籍不在王岘镇,不属于本集体经济组织成员,不符合农村宅基地申请条件"), refused, liuyang)

    // Accepted eight working days ago with a seven-day promise, still in review: overdue.
    on(8, 9, 40)
    let overdue = try register(
      "SCJG-XK-001",
      company("白银区金穗餐饮有限公司", "91620402MA7X1Y2236", "0943-8221234"), by: liuyang)
    try step(.accept, overdue, liuyang)
    on(6, 14, 0)
    try step(.startReview(opinion: ""), overdue, zhouqiang)

    // Stopped for an expert review (专家评审) that is still running.
    on(6, 10, 20)
    let stopped = try register(
      "RSJ-XK-001",
      company("白银众诚人力资源服务有限公司", "91620402MA71AB3C4D", "13909431188"), by: wuxia)
    try step(.accept, stopped, wuxia)
    on(4, 9, 0)
    try step(.startReview(opinion: "需对服务场所和人员资质组织专家评审"), stopped, wuxia)
    on(2, 9, 30)
    try step(.stopClock(.expertReview, days: 10, reason: "组织专家对经营场所和专职人员资质进行评审"), stopped, wuxia)

    // Waiting for the applicant: the health certificate was missing.
    on(3, 15, 10)
    let waiting = try register(
      "SCJG-XK-002", person("李秀兰", "620402198512030024", "13519431234"), by: liuyang,
      missing: ["从业人员健康证明"])
    guard let w = try store.application(caseID: waiting) else { return }
    let items = w.unsatisfiedRequired.map {
      MaterialDeficiency.material(
        $0, .missing,
        note: ApplicationRules.defaultNote(w.item.materials[$0], .missing) + ",可到区疾控中心办理")
    }
    try step(.requestSupplement(items, other: "补齐后请携带本告知书到综合窗口"), waiting, liuyang)

    // Online: one awaiting pre-review, one never pre-reviewed and so deemed accepted.
    on(1, 20, 15)
    _ = try register(
      "MZJ-JF-002", person("陈国强", "620402200109300047", "18793012345"), by: linna,
      channel: .online)
    on(7, 21, 0)
    _ = try register(
      "RSJ-JF-001", person("王桂英", "620402195305120023", "13893045678"), by: wuxia,
      channel: .mobile)

    // Today at the counter: a company registered and accepted, a walk-in awaiting acceptance.
    on(0, 8, 50)
    let company = try register(
      "ZWZX-GG-001",
      company("白银区银光商贸有限责任公司", "91620402MA7G8H9J0U", "13309431122"), by: wangfang)
    try step(.accept, company, wangfang)
    on(0, 9, 15)
    _ = try register(
      "SCJG-DJ-001", person("张伟", "620402199001010018", "13809431234"), by: liuyang)

    store.clock = clock
    try store.recordDeemedAcceptances()
  }
}

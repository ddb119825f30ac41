import Domain
import Foundation

extension Demo {
  /// 一件事 demo (第十九条): the 公安 and 税务 windows of the centre added, their items and the
  /// 企业开办一件事 imported as one 导入 change reviewed by a supervisor, the citizens'
  /// 新生儿出生一件事 opened as a change drafted, reviewed and tested, and one 企业开办 package registered two working days ago with its members
  /// at different steps — every change through the commands a manager or a clerk uses.
  static let packages = DemoSeed("一件事") { store, env in
    let names = ["zhangmin", "zhaolei", "chenjing", "wangfang", "zhouqiang", "wuxia"]
    let staff = names.compactMap { env.staff($0) }
    guard staff.count == names.count else {
      throw StoreError.invalid("演示工作人员 \(names.joined(separator: "、")) 缺失(demo/staff.tsv)")
    }
    let (zhangmin, zhaolei, chenjing, wangfang, zhouqiang, wuxia) = (
      staff[0], staff[1], staff[2], staff[3], staff[4], staff[5]
    )
    let centre = "白银区人民路328号区政务服务中心"
    try store.addOrganisation(
      Organisation(
        code: "GAJ", name: "区公安分局", kind: .department, fullName: "白银市公安局白银分局",
        address: "\(centre)一楼公安窗口", phone: "0943-8221301",
        creditCode: "11620402MB1593001L"), by: zhangmin)
    try store.addOrganisation(
      Organisation(
        code: "SWJ", name: "区税务局", kind: .department, fullName: "国家税务总局白银市白银区税务局",
        address: "\(centre)二楼税务窗口", phone: "0943-8221312",
        creditCode: "11620402MB1593002P"), by: zhangmin)

    func inEffect(_ id: String, _ note: String, test: String) throws {
      try store.perform(CatalogChangeCommand.submit, on: id, as: zhaolei)
      try store.perform(CatalogChangeCommand.approve(note: note), on: id, as: chenjing)
      try store.perform(
        CatalogChangeCommand.recordTest(passed: true, note: test), on: id, as: zhaolei)
    }

    // The members and 企业开办一件事: one import, approved as a whole.
    let file = try env.share.read("demo/catalog-packages.json")
    let imported = try store.importCatalog(
      Data(file.utf8), source: "catalog-packages.json", by: zhaolei)
    for id in imported.changeIDs {
      try store.perform(CatalogChangeCommand.approve(note: "同意,成员事项与部门清单一致"), on: id, as: chenjing)
    }

    // 新生儿出生一件事: drafted, reviewed, tested like any new item.
    let birth = CatalogItem(
      code: "ZWZX-YJS-002", name: "新生儿出生一件事", type: .publicService, organisation: "ZWZX",
      legalBasis: "《国务院关于加快推进政务服务标准化规范化便利化的指导意见》;《白银区政务服务平台运行管理办法》第十九条",
      conditions: "在本区出生的新生儿的父母或其他监护人",
      materials: [Material(name: "新生儿出生一件事联办申请表", note: "统一表单,一表填报")],
      steps: "一表申请、一窗受理;出生医学证明、户口登记、医保参保、社保卡申领并联办理;一窗发放", legalDays: 20,
      promisedDays: 15, result: "出生医学证明、居民户口簿、参保登记信息、社会保障卡",
      place: "\(centre)一楼综合窗口", hours: "工作日 8:30-12:00, 14:30-18:00(法定节假日除外)",
      phone: "0943-8221100", aliases: ["出生一件事", "新生儿"],
      package: ItemPackage(
        members: ["WJJ-GG-002", "GAJ-HJ-001", "QWX-GG-001", "RSJ-GG-004"],
        sharedMaterials: ["父母双方居民身份证", "居民户口簿"]))
    let opened = try store.draftCatalogChange(
      ChangeProposal(
        .open, proposing: birth, base: nil, reason: "第十九条:个人从出生开始的全生命周期集成办理,四个部门事项一次办"),
      by: zhaolei)
    try inEffect(opened, "同意", test: "综合窗口联办受理、四个成员分送测试通过")

    // One 企业开办 package registered two working days ago: the licence issued, 社保 in review,
    // the seal and the invoices accepted.
    let clock = store.clock
    defer { store.clock = clock }
    // Fixed before the clock is moved: every step is dated from the demo's today.
    let days = (0...2).map { workingDay(store, before: $0) }
    func on(_ n: Int, _ hour: Int, _ minute: Int = 0) {
      let instant = store.zone.instant(days[n], hour: hour, minute: minute)
      store.clock = { instant }
    }
    on(2, 9, 30)
    let form = try store.packageForm(code: "ZWZX-YJS-001")
    let registration = try store.registerPackage(
      RegistrationInput(
        itemCode: "ZWZX-YJS-001",
        applicant: Applicant(
          kind: .organisation, name: "白银市瑞丰新材料有限公司", idNumber: "91620402MA7RF3N8KE",
          phone: "13909431866"),
        materials: form.checklist.requirements.map { MaterialStatus.initial(for: $0) }),
      by: wangfang)
    let members = registration.package.members
    guard let licence = members.first(where: { $0.organisation == "SCJG" }),
      let insurance = members.first(where: { $0.organisation == "RSJ" })
    else { return }
    on(1, 10, 0)
    try store.perform(
      ApplicationCommand.startReview(opinion: "一件事联办,章程、住所材料齐全"), on: licence.caseID, as: zhouqiang)
    try store.perform(
      ApplicationCommand.decide(.approved, reason: ""), on: licence.caseID, as: zhouqiang)
    on(1, 15, 0)
    try store.perform(
      ApplicationCommand.conclude(
        ConclusionInput(certificateName: "营业执照", certificateNumber: "91620402MA7RF3N8KE")),
      on: licence.caseID, as: zhouqiang)
    on(0, 9, 0)
    try store.perform(
      ApplicationCommand.startReview(opinion: "核对参保单位信息"), on: insurance.caseID, as: wuxia)
  }
}

/// 平台推送的办事申请 — `applications.csv` as the provincial platform hands it over (table 5 办事申请;
/// the header row as our own export writes it), read into applications to register.
///
/// Every row is checked here, before anything is recorded: a bad row refuses the whole file with
/// its line and the item's name (第十六条: what the applicant typed online is never retyped, and
/// never half taken in).
public enum NationalApplicationFile {
  /// One 办事申请 row, checked.
  public struct Row: Equatable, Sendable {
    /// The row's line in the file, for messages.
    public var line: Int
    /// The item's name as the file gives it, for messages.
    public var itemName: String
    /// 事项编码 (our export writes it), empty when the platform gives only its 实施编码.
    public var itemCode: String
    public var implementationCode: String
    public var applicant: Applicant
    public var channel: ApplicationChannel
    public var submission: PlatformSubmission

    /// `applications.csv 第3行「个体工商户设立登记」`, the prefix of every message about the row.
    public var place: String { NationalApplicationFile.place(line, itemName) }
  }

  static func place(_ line: Int, _ itemName: String) -> String {
    "applications.csv 第\(line)行「\(FieldText.sanitizeForDisplay(itemName))」"
  }

  /// Reads every row, or refuses with the first bad one.
  ///
  /// - Parameters:
  ///   - region: this node's 行政区划代码; a row of another district is refused (nil: not checked).
  ///   - today: the day ID numbers are checked on (a birth date cannot be later).
  public static func read(
    _ csv: NationalCSV, region: String?, zone: DeploymentZone, today: CivilDate
  ) -> Result<[Row], Refusal> {
    for required in ["办件编号", "申请者名称", "申请者证件类型代码", "申请者证件号码", "申报来源代码", "申请时间"]
    where csv.column(required) == nil {
      return .failure(Refusal("applications.csv 缺少「\(required)」列(表头应与国家标准表5的数据项名称一致)"))
    }
    guard csv.column("实施编码") != nil || csv.column("事项编码") != nil else {
      return .failure(Refusal("applications.csv 缺少「实施编码」列"))
    }
    var rows: [Row] = []
    for (i, record) in csv.rows.enumerated() {
      switch read(record, line: csv.line(of: i), csv, region: region, zone: zone, today: today) {
      case .success(let row): rows.append(row)
      case .failure(let r): return .failure(r)
      }
    }
    return .success(rows)
  }

  static func read(
    _ record: [String], line: Int, _ csv: NationalCSV, region: String?, zone: DeploymentZone,
    today: CivilDate
  ) -> Result<Row, Refusal> {
    func value(_ name: String) -> String {
      csv.column(name).map { $0 < record.count ? record[$0].trimmingSpacesAndNewlines() : "" } ?? ""
    }
    let at = place(line, value("事项名称"))
    func fail(_ message: String) -> Result<Row, Refusal> { .failure(Refusal("\(at): \(message)")) }
    let number = value("办件编号")
    let implementation = value("实施编码")
    let itemCode = value("事项编码")
    if implementation.isEmpty && itemCode.isEmpty { return fail("实施编码不能为空") }
    let kind: ApplicantKind
    switch IDTypeCode.coded(value("申请者证件类型代码")) {
    case .residentID: kind = .person
    case .creditCode: kind = .organisation
    case .some(let other): return fail("证件类型「\(other.name)」本系统暂不能登记(只收居民身份证和统一社会信用代码)")
    case .none:
      return fail("申请者证件类型代码「\(FieldText.sanitizeForDisplay(value("申请者证件类型代码")))」不在代码表中")
    }
    let applicant = Applicant(
      kind: kind, name: value("申请者名称"), idNumber: value("申请者证件号码"),
      phone: value("联系人手机号码"))
    if let problem = applicant.problems(today: today).first { return fail(problem.message) }
    let sourceCode = value("申报来源代码")
    guard let form = HandlingForm.coded(sourceCode) else {
      return fail("申报来源代码「\(FieldText.sanitizeForDisplay(sourceCode))」不在代码表(A.5)中")
    }
    guard let channel = form.channel, channel.isSelfSubmitted else {
      return fail("申报来源「\(form.name)」不是网上申请:平台推送只收电脑端网上办理(2)和移动端网上申请(3)")
    }
    guard let applied = NationalFormat.parseDateTime(value("申请时间"), zone: zone) else {
      return fail("申请时间「\(FieldText.sanitizeForDisplay(value("申请时间")))」应写成 YYYYMMDDThhmmss")
    }
    let rowRegion = value("行政区划")
    if let region, !rowRegion.isEmpty, !rowRegion.hasPrefix(region) {
      return fail("行政区划「\(FieldText.sanitizeForDisplay(rowRegion))」不是本区(\(region))的办件")
    }
    let submission = PlatformSubmission(
      number: NationalFormat.caseNumber(number), appliedAt: applied.milliseconds,
      appliedOn: applied.day)
    guard !number.isEmpty, submission.number == number,
      number.count <= PlatformSubmission.maximumNumberLength
    else {
      return fail(
        "办件编号「\(FieldText.sanitizeForDisplay(number))」应为1至\(PlatformSubmission.maximumNumberLength)位字母和数字"
      )
    }
    return .success(
      Row(
        line: line, itemName: value("事项名称"), itemCode: itemCode,
        implementationCode: implementation, applicant: applicant.normalized, channel: channel,
        submission: submission))
  }
}

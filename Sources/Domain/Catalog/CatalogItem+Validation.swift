import Foundation

/// 事项要素 — the elements of an item, by the key forms, the JSON file and messages use.
public enum CatalogField: String, CaseIterable, Sendable {
  case code, name, type, organisation, legalBasis, conditions, materials, intermediaries, steps
  case legalDays, promisedDays, fee, result, place, hours, phone, fullyOnline, status
  /// 国家标准要素 (GB/T 39046), one object in the file.
  case national
  /// 别名 (俗称), a list of texts in the file.
  case aliases
  /// 一件事 — members and shared materials, one object in the file.
  case package

  public var title: String {
    switch self {
    case .code: return "事项编码"
    case .name: return "事项名称"
    case .type: return "事项类型"
    case .organisation: return "实施主体"
    case .legalBasis: return "设定依据"
    case .conditions: return "受理条件"
    case .materials: return "申请材料"
    case .intermediaries: return "中介服务"
    case .steps: return "办理流程"
    case .legalDays: return "法定时限"
    case .promisedDays: return "承诺时限"
    case .fee: return "收费标准"
    case .result: return "办理结果"
    case .place: return "办理地点"
    case .hours: return "办理时间"
    case .phone: return "咨询电话"
    case .fullyOnline: return "全程网办"
    case .status: return "事项状态"
    case .national: return "国家标准要素"
    case .aliases: return "别名"
    case .package: return "一件事"
    }
  }
}

/// 要素问题 — one element that is missing or wrong, with the clerk's message.
public struct CatalogProblem: Equatable, Sendable, CustomStringConvertible {
  public let field: CatalogField
  public let message: String

  public init(_ field: CatalogField, _ message: String) {
    self.field = field
    self.message = message
  }

  /// `「承诺时限」承诺时限不能超过法定时限`
  public var description: String { "「\(field.title)」\(message)" }
}

extension CatalogItem {
  /// Longest limit a guide may state: a year of working days is already far past any statute here.
  public static let maximumDays = 365
  public static let maximumMaterials = 60

  /// 事项编码 rule: 4–24 characters of capital letters, digits and hyphens (`SCJG-XK-001`).
  public static func checkCode(_ code: String) -> String? {
    guard (4...24).contains(code.count),
      code.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber || $0 == "-") }),
      code.first != "-", code.last != "-"
    else { return "应为4至24位大写字母、数字或连字符,如 SCJG-XK-001" }
    return nil
  }

  /// Every problem of the guide, in the order of the form, so the first is the one to fix first.
  ///
  /// - Parameter organisations: codes of the organisations that exist (实施主体 must be one).
  public func problems(organisations: Set<String>) -> [CatalogProblem] {
    var out: [CatalogProblem] = []
    if let m = Self.checkCode(code) { out.append(CatalogProblem(.code, m)) }
    func text(_ field: CatalogField, _ value: String, required: Bool, max: Int, multiline: Bool) {
      if let p = FieldText.check(
        value, field: field.title, required: required, maxLength: max, multiline: multiline)
      {
        out.append(CatalogProblem(field, Self.strip(p.message, field)))
      }
    }
    text(.name, name, required: true, max: 60, multiline: false)
    out += aliasProblems()
    if !organisations.contains(organisation) {
      out.append(CatalogProblem(.organisation, "单位「\(organisation)」不存在"))
    }
    text(.legalBasis, legalBasis, required: true, max: 2000, multiline: true)
    text(.conditions, conditions, required: true, max: 2000, multiline: true)
    out += materialProblems()
    text(.intermediaries, intermediaries, required: false, max: 500, multiline: true)
    text(.steps, steps, required: true, max: 2000, multiline: true)
    out += limitProblems()
    text(.fee, fee, required: true, max: 200, multiline: false)
    text(.result, result, required: true, max: 60, multiline: false)
    text(.place, place, required: true, max: 200, multiline: false)
    text(.hours, hours, required: true, max: 100, multiline: false)
    if phone.trimmingSpaces().isEmpty {
      out.append(CatalogProblem(.phone, "不能为空"))
    } else if let p = PhoneNumber.validateContact(phone) {
      out.append(CatalogProblem(.phone, p.message))
    }
    if let national {
      out += national.problems(type: type).map { CatalogProblem(.national, $0) }
    }
    out += packageProblems()
    return out
  }

  /// 别名: at most ten, each 1–30 characters on one line, none repeated nor the name itself.
  func aliasProblems() -> [CatalogProblem] {
    guard let aliases else { return [] }
    if aliases.count > Self.maximumAliases {
      return [CatalogProblem(.aliases, "不能超过\(Self.maximumAliases)个")]
    }
    var seen: Set<String> = [name.trimmingSpaces()]
    for a in aliases {
      if let p = FieldText.check(a, field: "别名", required: true, maxLength: 30) {
        return [CatalogProblem(.aliases, Self.strip(p.message, .aliases))]
      }
      if !seen.insert(a.trimmingSpaces()).inserted {
        return [CatalogProblem(.aliases, "「\(a)」重复(或与事项名称相同)")]
      }
    }
    return []
  }

  public static let maximumAliases = 10

  /// Legal and promised limits: whole working days, promised no longer than legal (第十一条:
  /// 减时限 — a promise may shorten the statute, never lengthen it).
  func limitProblems() -> [CatalogProblem] {
    var out: [CatalogProblem] = []
    let range = 0...Self.maximumDays
    if !range.contains(legalDays) {
      out.append(CatalogProblem(.legalDays, "应为0至\(Self.maximumDays)个工作日"))
    }
    if !range.contains(promisedDays) {
      out.append(CatalogProblem(.promisedDays, "应为0至\(Self.maximumDays)个工作日"))
    } else if range.contains(legalDays), promisedDays > legalDays {
      out.append(
        CatalogProblem(
          .promisedDays, "承诺时限(\(promisedDays)个工作日)不能超过法定时限(\(legalDays)个工作日)"))
    }
    return out
  }

  /// At least one material, each named once, with a sensible number of copies.
  func materialProblems() -> [CatalogProblem] {
    guard !materials.isEmpty else {
      return [CatalogProblem(.materials, "至少要有一项申请材料")]
    }
    if materials.count > Self.maximumMaterials {
      return [CatalogProblem(.materials, "不能超过\(Self.maximumMaterials)项")]
    }
    var seen = Set<String>()
    for (i, m) in materials.enumerated() {
      let n = i + 1
      if let p = FieldText.check(m.name, field: "材料名称", required: true, maxLength: 80) {
        return [CatalogProblem(.materials, "第\(n)项: \(p.message)")]
      }
      if let p = FieldText.check(m.note, field: "备注", required: false, maxLength: 100) {
        return [CatalogProblem(.materials, "第\(n)项: \(p.message)")]
      }
      if let p = FieldText.check(m.issuer ?? "", field: "出具机构", required: false, maxLength: 60) {
        return [CatalogProblem(.materials, "第\(n)项: \(p.message)")]
      }
      if !Material.copies(shared: m.shared).contains(m.copies) {
        return [CatalogProblem(.materials, "第\(n)项「\(m.name)」份数应为1至20(免提交的材料可为0)")]
      }
      let key = m.name.trimmingSpaces()
      if !seen.insert(key).inserted {
        return [CatalogProblem(.materials, "第\(n)项「\(key)」与前面的材料重名")]
      }
    }
    return []
  }

  /// FieldText messages name the field in 「」; ours already say which field, so drop the prefix.
  static func strip(_ message: String, _ field: CatalogField) -> String {
    let prefix = "「\(field.title)」"
    return message.hasPrefix(prefix) ? String(message.dropFirst(prefix.count)) : message
  }

  /// The guide with surrounding blanks trimmed from every text, as it is stored.
  public var trimmed: CatalogItem {
    func t(_ s: String) -> String { s.trimmingSpacesAndNewlines() }
    var c = self
    c.code = t(code)
    c.name = t(name)
    c.legalBasis = t(legalBasis)
    c.conditions = t(conditions)
    c.intermediaries = t(intermediaries)
    c.steps = t(steps)
    c.fee = t(fee)
    c.result = t(result)
    c.place = t(place)
    c.hours = t(hours)
    c.phone = t(phone)
    c.aliases = aliases.map { $0.map(t) }.flatMap { $0.isEmpty ? nil : $0 }
    c.package = package.map {
      ItemPackage(
        members: $0.members.map(t), sharedMaterials: $0.sharedMaterials.map(t))
    }
    c.materials = materials.map {
      var m = $0
      m.name = t(m.name)
      m.note = t(m.note)
      m.issuer = m.issuer.map(t).flatMap { $0.isEmpty ? nil : $0 }
      return m
    }
    c.national = national.map { n in
      var n = n
      for key in [
        \NationalElements.basicCode, \.implementationCode, \.feeBasis, \.quantityLimit,
        \.jointDepartments, \.consultation, \.supervisionPhone, \.onlineAddress, \.faq,
      ] {
        n[keyPath: key] = t(n[keyPath: key])
      }
      return n
    }
    return c
  }
}

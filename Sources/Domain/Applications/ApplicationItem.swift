/// 申请材料要求 — one line of the item's materials list as it stood when the application was
/// registered.
public struct MaterialRequirement: Codable, Equatable, Sendable {
  public var name: String
  /// 原件 / 复印件 / 原件和复印件, as the catalog words it.
  public var form: String = "原件"
  /// 份数
  public var copies: Int = 1
  /// 必要 — an optional material never blocks acceptance.
  public var required: Bool = true
  /// 可共享获取 — obtainable by data sharing, so it may be marked 免提交 (第二十六条).
  public var shareable: Bool = false
  /// 备注 (e.g. 须在有效期内), may be empty.
  public var note: String = ""

  /// `原件1份` — what the applicant must hand over.
  public var requirement: String { "\(form)\(copies)份" }

  /// `原件1份 必要 可共享` — one line of the checklist.
  public var summary: String {
    var parts = [requirement, required ? "必要" : "非必要"]
    if shareable { parts.append("可共享") }
    if !note.isEmpty { parts.append(note) }
    return parts.joined(separator: " ")
  }
}

/// 事项版本快照 — the service item as it stood when the application was registered.
///
/// Carried by the registration event, so the case keeps its version for ever: a later change to
/// the catalog never changes what this applicant was told, and the state machine needs nothing
/// from the catalog at fold time.
public struct ItemSnapshot: Codable, Equatable, Sendable {
  /// 事项编码
  public var code: String
  /// 版本号
  public var version: Int
  public var name: String
  /// 实施主体 — the organisation code whose staff handle the case.
  public var organisation: String
  public var organisationName: String
  /// 承诺办结时限, working days from acceptance; 0 = 即办.
  public var promisedDays: Int
  /// 法定办结时限, working days.
  public var legalDays: Int
  public var materials: [MaterialRequirement]
  /// 收费标准 (`不收费`).
  public var fee: String = "不收费"
  /// 办理结果 — the certificate or document issued (`营业执照`), empty when none.
  public var result: String = ""
  /// 全程网办
  public var fullyOnline: Bool = false
  /// 事项类型 — which law a notice cites; nil in snapshots recorded before it was kept.
  public var type: ItemType?

  /// True when the result is a certificate with a number of its own (a 证, 证书, 执照 or 批准书
  /// among the results the catalog names), so a 准予 conclusion must record that number.
  public var issuesCertificate: Bool {
    result.split(whereSeparator: { "、,,及和".contains($0) }).contains { part in
      ["证", "证书", "执照", "批准书"].contains { part.hasSuffix($0) }
    }
  }

  /// `即办` or `5个工作日`.
  public var promisedText: String { promisedDays == 0 ? "即办" : "\(promisedDays)个工作日" }
}

/// 事项状态 as the intake desk needs it: only an item 在用 takes new applications.
public enum ItemAvailability: String, Codable, Equatable, Sendable {
  case inUse
  case suspended
  case terminated

  public var title: String {
    switch self {
    case .inUse: return "在用"
    case .suspended: return "暂停"
    case .terminated: return "已终止"
    }
  }
}

/// One catalog item as the intake desk sees it: the current version and whether it is in use.
public struct DirectoryItem: Equatable, Sendable {
  public var snapshot: ItemSnapshot
  public var availability: ItemAvailability
  /// 事项类型 (GB/T 39046 A.1) when the catalog names one our types lack (行政处罚 …).
  public var matterType: MatterType?

  /// Why a new application cannot be registered for it, or nil.
  public var registrationRefusal: Refusal? {
    if let matterType, !matterType.takesApplications {
      return Refusal("事项「\(snapshot.name)」是\(matterType.name)事项,由行政机关依职权实施,不受理申请")
    }
    switch availability {
    case .inUse: return nil
    case .suspended:
      return Refusal("事项「\(snapshot.name)」已暂停办理,不能登记新的申请", article: "第十二条")
    case .terminated:
      return Refusal("事项「\(snapshot.name)」已终止,不能登记新的申请", article: "第十二条")
    }
  }
}

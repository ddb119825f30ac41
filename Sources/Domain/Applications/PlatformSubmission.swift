/// 平台推送的网上申请 — an application the provincial integrated platform took online and handed
/// over (第十六条: 网上申请 without retyping), as `zwfw applications import` records it.
public struct PlatformSubmission: Codable, Equatable, Sendable {
  /// 办件编号 as the platform numbered it (letters and digits). The national export writes it for
  /// the case, so the platform can match what comes back.
  public var number: String
  /// 申请时间 on the platform, milliseconds since 1970.
  public var appliedAt: Int64
  /// The day of 申请时间 in the deployment zone: the 网上预审 clock runs from it, not from the
  /// day the file was imported.
  public var appliedOn: CivilDate

  /// The longest platform case number taken (the national exchange tables' width).
  public static let maximumNumberLength = 40

  /// What a platform submission must satisfy on the registration it came with, whoever wrote it.
  static func check(_ p: PlatformSubmission?, channel: ApplicationChannel, _ c: StepContext)
    -> Refusal?
  {
    guard let p else { return nil }
    guard channel.isSelfSubmitted else {
      return Refusal("平台推送的办件应为网上或掌上申请,不能记为窗口申请")
    }
    let chars = p.number.unicodeScalars
    guard (1...maximumNumberLength).contains(chars.count),
      chars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) })
    else {
      return Refusal("平台办件编号应为1至\(maximumNumberLength)位字母和数字")
    }
    guard p.appliedAt <= c.timestamp, p.appliedOn <= c.date else {
      return Refusal("申请时间晚于登记时间:平台推送的办件只能是已经提交的申请")
    }
    return nil
  }
}

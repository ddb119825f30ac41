/// The national elements as the catalog checks them.
extension NationalElements {
  /// Every problem, in the order of `fields`; empty when the elements can be stored.
  /// - Parameter type: the item's own type, which an A.1 type given here must agree with.
  public func problems(type: ItemType) -> [String] {
    var out: [String] = []
    func code(_ value: String, _ label: String, max: Int) {
      guard !value.isEmpty else { return }
      if value.count > max || !value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
        out.append("\(label)应为不超过\(max)位字母或数字")
      }
    }
    code(basicCode, "基本编码", max: 12)
    code(implementationCode, "实施编码", max: 36)
    if let matterType, !Self.agrees(matterType, with: type) {
      out.append("国标事项类型「\(matterType.name)」与事项类型「\(type.title)」不符")
    }
    if Set(serviceTargets).count != serviceTargets.count { out.append("服务对象有重复") }
    if Set(handlingForms).count != handlingForms.count { out.append("办理形式有重复") }
    if charged, feeBasis.trimmingSpacesAndNewlines().isEmpty { out.append("收费的事项须写明收费依据") }
    let texts: [(String, String, Int, Bool)] = [
      (feeBasis, "收费依据", 1000, true), (quantityLimit, "数量限制", 200, false),
      (jointDepartments, "共同实施部门", 200, false), (consultation, "咨询方式", 200, false),
      (onlineAddress, "网办地址", 200, false), (faq, "常见问题", 1000, true),
    ]
    for (value, label, max, multiline) in texts {
      if let p = FieldText.check(
        value, field: label, required: false, maxLength: max, multiline: multiline)
      {
        out.append(p.message)
      }
    }
    if !supervisionPhone.isEmpty, let p = PhoneNumber.validateContact(supervisionPhone) {
      out.append("监督电话:" + p.message)
    }
    return out
  }

  /// An A.1 type agrees with ours when it is the same, or when ours is 其他行政权力 and A.1 names
  /// a power we have no type of (行政处罚、行政强制、行政检查, the family 00, or 10).
  static func agrees(_ national: MatterType, with type: ItemType) -> Bool {
    if national == MatterType(type) { return true }
    guard type == .otherPower else { return false }
    return [.power, .penalty, .enforcement, .inspection, .otherCategory].contains(national)
  }

  /// The A.1 type an item is of: the one given here, else its own type's.
  public func matterType(of type: ItemType) -> MatterType { matterType ?? MatterType(type) }
}

// The registry's events as the commands that write them build them: each event's stream, type
// and payload are put together once here, so the Store's commands, the demo and enrolment do not
// each repeat them (and the payload types need no public initialisers).

extension OrganisationReducer {
  /// `org.defined`: `organisation` at `position` in the district's own order.
  public static func defined(_ organisation: Organisation, position: Int) -> EventDraft {
    EventDraft(
      stream: stream(organisation.code), type: .orgDefined,
      body: OrganisationDefined(organisation: organisation, position: position))
  }

  /// `org.renamed`.
  public static func renamed(_ code: String, to name: String) -> EventDraft {
    EventDraft(stream: stream(code), type: .orgRenamed, body: OrganisationRenamed(name: name))
  }

  /// `org.creditCodeSet`, with a code already checked and normalised (`checkCreditCode`).
  public static func creditCodeSet(_ code: String, to creditCode: String) -> EventDraft {
    EventDraft(
      stream: stream(code), type: .orgCreditCodeSet,
      body: OrganisationCreditCode(creditCode: creditCode))
  }
}

extension StaffReducer {
  /// `staff.rolesChanged`.
  public static func rolesChanged(_ login: String, to roles: Set<Role>) -> EventDraft {
    EventDraft(stream: stream(login), type: .staffRolesChanged, body: StaffRoles(roles: roles))
  }
}

extension SettingReducer {
  /// `setting.changed`: a shared setting, from the district.
  public static func changed(_ key: String, to value: String) -> EventDraft {
    EventDraft(stream: stream(key), type: .settingChanged, body: SettingValue(value: value))
  }
}

extension NodeSettingReducer {
  /// `nodesetting.changed`: this installation's own setting, which never leaves it.
  public static func changed(_ key: String, to value: String) -> EventDraft {
    EventDraft(stream: stream(key), type: .nodeSettingChanged, body: SettingValue(value: value))
  }
}

extension PeerReducer {
  /// `peer.registered` of the district node itself.
  public static func registered(district node: NodeIdentity) -> EventDraft {
    registered(PeerNode(code: node.code, name: node.name, isDistrict: true, region: node.region))
  }

  /// `peer.registered` of a township node the district enrols.
  public static func registered(township code: String, name: String, region: String?)
    -> EventDraft
  {
    registered(PeerNode(code: code, name: name, isDistrict: false, region: region))
  }

  static func registered(_ peer: PeerNode) -> EventDraft {
    EventDraft(stream: stream(peer.code), type: .peerRegistered, body: peer)
  }
}

extension RuleReducer {
  /// `rule.set`: the value in force for `key` from now on, and why it changed.
  public static func set(_ key: String, to value: Int, note: String) -> EventDraft {
    EventDraft(stream: stream(key), type: .ruleSet, body: RuleValue(value: value, note: note))
  }
}

extension LedgerState {
    /// Records an entry that needs approval as pending, after the checks that can be made now.
    mutating func propose(_ entry: Entry, context: ApplyContext) throws(LedgerError) {
        var targetKind: Kind?
        var targetData: [UInt8]?
        switch entry.payload {
        case .keyAdd(let add):
            guard keys[add.key.id] == nil else {
                throw LedgerError(.keyReused, en: "key \(add.key.id) was already used in this ledger; key ids are never reused",
                    zh: "密钥 \(add.key.id) 已在本账本中使用过，密钥编号不可重复使用")
            }
        case .keyRevoke(let revoke):
            guard let key = keys[revoke.key] else {
                throw LedgerError(.unknownKey, en: "key \(revoke.key) is not a key of this ledger", zh: "密钥 \(revoke.key) 不属于本账本")
            }
            guard key.status == .active else {
                throw LedgerError(.inactiveKey, en: "key \(revoke.key) is not active, so it cannot be revoked",
                    zh: "密钥 \(revoke.key) 未处于有效状态，无法撤销")
            }
            if pending.values.contains(where: { $0.kind == .keyRevoke && payloadKeyRevoke($0)?.key == revoke.key }) {
                throw LedgerError(.inactiveKey, en: "a revocation of key \(revoke.key) is already waiting for approval",
                    zh: "撤销密钥 \(revoke.key) 的申请已在等待审批")
            }
        case .policySet:
            break
        case .fundAdd(let add):
            let waiting = pending.values.contains { $0.kind == .fundAdd && (payload(of: $0)).map(fundID) == add.fund.id }
            guard funds[add.fund.id] == nil, !waiting else {
                throw LedgerError(.fundExists, en: "fund \"\(add.fund.id)\" already exists or is waiting for approval",
                    zh: "基金“\(add.fund.id)”已存在或正在等待审批")
            }
        case .grant(let grant):
            try requireFund(grant.fund)
            try requireOpenMember(grant.member)
        case .payout(let payout):
            try requireOpenMember(payout.member)
        case .expense(let expense):
            try requireFund(expense.fund)
        case .reversal(let reversal):
            let target = try reversibleTarget(reversal.target, before: entry.seq, context: context)
            targetKind = target.kind
            targetData = CanonicalJSON.encode(target.data)
        default:
            preconditionFailure("\(entry.kind) needs no approval")
        }
        if case .append = context.mode {
            // Nothing is left pending that could never be approved: not for lack of money at today's balances…
            try check(movements(of: entry.payload, targetPayload: targetData.flatMap { try? decode($0, targetKind!) }))
            // …nor for lack of people allowed to approve it.
            try checkApproversExist(for: entry.kind, author: entry.body.author)
        }
        pending[entry.seq] = PendingEntry(
            seq: entry.seq, hash: entry.hash, kind: entry.kind, author: entry.body.author, time: entry.body.time,
            data: CanonicalJSON.encode(entry.payload.data), targetData: targetData, targetKind: targetKind)
        if case .keyAdd(let add) = entry.payload {
            keys[add.key.id] = KeyRecord(descriptor: add.key, status: .proposed, addedAt: entry.seq)
        }
    }

    /// Refuses an entry whose approval the policy asks for from more keys than could ever give it: active keys
    /// of the right role, other than the author's and those of the author's holder.
    private func checkApproversExist(for kind: Kind, author: KeyID) throws(LedgerError) {
        let holder = keys[author]?.holder
        let eligible = activeKeys.filter { $0.id != author && $0.holder != holder }
        let oversight = eligible.filter { $0.role == .oversight }.count
        let committee = eligible.count - oversight
        let (needCommittee, needOversight) = kind.approval == .money
            ? (0, policy.moneyApprovals) : (policy.governanceCommittee, policy.governanceOversight)
        guard committee >= needCommittee, oversight >= needOversight else {
            throw LedgerError(.noApprovers,
                en: "the policy needs approval by \(needCommittee) committee and \(needOversight) oversight keys other than the author's holder, but only \(committee) and \(oversight) exist: add keys first",
                zh: "规则要求录入人以外的 \(needCommittee) 个管委会密钥和 \(needOversight) 个监督组密钥审批，但只有 \(committee) 个和 \(oversight) 个：请先添加密钥")
        }
    }

    /// The entry a reversal undoes, if it may be undone.
    private func reversibleTarget(_ target: Int, before seq: Int, context: ApplyContext) throws(LedgerError) -> Payload {
        func refuse(_ en: String, _ zh: String, _ code: LedgerError.Code = .notReversible) -> LedgerError {
            LedgerError(code, en: "entry \(target) \(en)", zh: "第 \(target) 条\(zh)")
        }
        guard target < seq else { throw refuse("does not come before this reversal", "不在本冲正之前") }
        if pending[target] != nil { throw refuse("is still waiting for approval; reject it instead", "仍在等待审批，请改为驳回") }
        if rejected.contains(target) { throw refuse("was rejected and never took effect", "已被驳回，从未生效") }
        if reversed.contains(target) { throw refuse("was already reversed", "已被冲正", .alreadyReversed) }
        if pending.values.contains(where: { $0.kind == .reversal && payloadTarget($0) == target }) {
            throw refuse("already has a reversal waiting for approval", "已有待审批的冲正", .alreadyReversed)
        }
        guard let payload = try context.earlierPayload(target), payload.kind.isReversible else {
            throw refuse("is not a donation, sale, grant, payout or expense", "不是捐赠、销售、救助金、发放或支出")
        }
        if let member = payload.member { try requireOpenMember(member) }
        return payload
    }

    /// The balance changes an entry needing approval makes when it takes effect.
    func movements(of payload: Payload, targetPayload: Payload?) -> [Movement] {
        if case .reversal = payload, let targetPayload {
            return Movement.of(targetPayload).map(\.reversed)
        }
        return Movement.of(payload)
    }

    mutating func applyApproval(_ approve: Approve, by approver: KeyRecord, at seq: Int) throws(LedgerError) {
        var entry = try pendingTarget(approve.target, hash: approve.hash)
        guard approver.id != entry.author else {
            throw LedgerError(.selfApproval, en: "key \(approver.id) wrote entry \(entry.seq) and may not approve it",
                zh: "密钥 \(approver.id) 录入了第 \(entry.seq) 条，不能自己审批")
        }
        guard approver.holder != keys[entry.author]?.holder else {
            throw LedgerError(.sameHolder,
                en: "\(approver.holder) holds the key that wrote entry \(entry.seq) and may not approve it with another key",
                zh: "\(approver.holder) 持有录入第 \(entry.seq) 条的密钥，不能用另一个密钥审批")
        }
        guard !entry.approvals.contains(approver.id) else {
            throw LedgerError(.duplicateApproval, en: "key \(approver.id) already approved entry \(entry.seq)",
                zh: "密钥 \(approver.id) 已审批过第 \(entry.seq) 条")
        }
        guard approvalCounts(role: approver.role, for: entry.kind) else {
            throw LedgerError(.wrongRole, en: "money going out is approved by the oversight group, not by a committee key",
                zh: "资金支出须由运作监督组审批，管理委员会密钥不能审批")
        }
        let payload = self.payload(of: entry)
        let targetPayload = entry.targetData.flatMap { try? decode($0, entry.targetKind!) }
        for member in [payload?.member, targetPayload?.member].compactMap({ $0 }) {
            guard members[member]?.closed != true else {
                throw LedgerError(.memberClosed, en: "member \(member) was closed, so entry \(entry.seq) can no longer be approved",
                    zh: "成员 \(member) 已关闭，第 \(entry.seq) 条不能再被审批")
            }
        }
        entry.approvals.append(approver.id)
        guard isApproved(entry), let payload else {
            pending[entry.seq] = entry
            return
        }
        try takeEffect(entry, payload: payload, targetPayload: targetPayload, at: seq)
    }

    mutating func applyRejection(_ reject: Reject) throws(LedgerError) {
        let entry = try pendingTarget(reject.target, hash: reject.hash)
        pending[entry.seq] = nil
        rejected.insert(entry.seq)
        if entry.kind == .keyAdd, case .keyAdd(let add)? = payload(of: entry) {
            keys[add.key.id]?.status = .refused
        }
    }

    private func pendingTarget(_ target: Int, hash: EntryHash) throws(LedgerError) -> PendingEntry {
        guard let entry = pending[target] else {
            let why = rejected.contains(target) ? ("was rejected", "已被驳回")
                : target >= count ? ("does not exist yet", "尚不存在") : ("is not waiting for approval", "不在等待审批")
            throw LedgerError(.notPending, en: "entry \(target) \(why.0)", zh: "第 \(target) 条\(why.1)")
        }
        guard entry.hash == hash else {
            throw LedgerError(.hashMismatch, en: "the hash given does not match entry \(target)",
                zh: "所给哈希与第 \(target) 条不符")
        }
        return entry
    }

    /// Whether a pending entry now has every approval the policy asks for.
    func isApproved(_ entry: PendingEntry) -> Bool {
        let roles = entry.approvals.compactMap { keys[$0]?.role }
        let oversight = roles.filter { $0 == .oversight }.count
        switch entry.kind.approval {
        case .money:
            return oversight >= policy.moneyApprovals
        case .governance:
            return roles.count - oversight >= policy.governanceCommittee && oversight >= policy.governanceOversight
        case .none:
            return true
        }
    }

    /// Makes a fully approved entry effective, checking balances first; changes nothing on failure.
    private mutating func takeEffect(_ entry: PendingEntry, payload: Payload, targetPayload: Payload?, at seq: Int)
        throws(LedgerError)
    {
        let movements = movements(of: payload, targetPayload: targetPayload)
        try check(movements)
        apply(movements)
        pending[entry.seq] = nil
        switch payload {
        case .keyAdd(let add):
            keys[add.key.id]?.status = .active
            keys[add.key.id]?.activeSince = seq
        case .keyRevoke(let revoke):
            keys[revoke.key]?.status = .revoked
            keys[revoke.key]?.revokedAt = seq
        case .policySet(let set): policy = set.policy
        case .fundAdd(let add): funds[add.fund.id] = FundRecord(id: add.fund.id, name: add.fund.name)
        case .reversal(let reversal): reversed.insert(reversal.target)
        default: break
        }
    }

    private func decode(_ data: [UInt8], _ kind: Kind) throws -> Payload {
        try Payload(kind: kind, data: CanonicalJSON.parse(data))
    }

    private func payloadKeyRevoke(_ entry: PendingEntry) -> KeyRevoke? {
        if case .keyRevoke(let revoke)? = payload(of: entry) { return revoke }
        return nil
    }

    private func payloadTarget(_ entry: PendingEntry) -> Int? { payload(of: entry)?.target }

    private func fundID(_ payload: Payload) -> FundID? {
        if case .fundAdd(let add) = payload { return add.fund.id }
        return nil
    }
}

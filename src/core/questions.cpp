// Open questions and answers to them, found through the profile's question role.
#include "tend/questions.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <set>

#include "tend/history.h"

namespace tend {

const KindSpec* question_kind(const Profile& profile) {
    const auto kinds = profile.kinds_with_role(KindRole::question);
    return kinds.empty() ? nullptr : profile.kind(kinds.front());
}

std::string answer_tag(const Entry& question) {
    // The time alone is not enough: questions copied from a notebook with one --at, or logged
    // within a second, share it. The words tell them apart (32-bit FNV-1a, as eight hex digits).
    std::uint32_t hash = 2166136261u;
    for (const char character : question.note) {
        hash ^= static_cast<unsigned char>(character);
        hash *= 16777619u;
    }
    // The local date and time without the offset: "2026-11-20T21:00:00".
    return fmt::format("answers-{}-{:08x}", format_iso(question.at).substr(0, 19), hash);
}

std::vector<Entry> open_questions(const std::vector<Entry>& entries, const Profile& profile) {
    const RoleScan scan(profile);
    std::set<std::string> answered_tags;
    for (const auto& entry : entries)
        for (const auto& tag : entry.tags)
            if (tag.starts_with("answers-")) answered_tags.insert(tag);
    std::vector<Entry> open;
    for (const auto& entry : entries) {
        if (!scan.is_open_question(entry)) continue;
        const bool is_answer =
            std::any_of(entry.tags.begin(), entry.tags.end(),
                        [](const auto& tag) { return tag.starts_with("answers-"); });
        if (!is_answer && !answered_tags.contains(answer_tag(entry))) open.push_back(entry);
    }
    return open;
}

Entry answer_to(const Entry& question, const Profile& profile, Instant at, std::string said) {
    const KindSpec* kind = question_kind(profile);
    Entry answer{at, kind ? kind->name : question.kind, {}, std::move(said), {answer_tag(question)},
                 0};
    if (kind && kind->field("answered") && kind->field("answered")->type == FieldType::boolean)
        answer.fields.emplace_back("answered", FieldValue{true});
    return answer;
}

}  // namespace tend

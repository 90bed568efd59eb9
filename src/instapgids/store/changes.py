"""What a newer version of the guide changed on a saved profile's checklist, told once when it is opened."""

from __future__ import annotations

from dataclasses import dataclass

from instapgids.content.bundle import Content
from instapgids.store.profiles import Profile, fingerprints


@dataclass(frozen=True)
class GuideChange:
    """What a newer version of the guide changed on this profile's checklist."""

    old_version: str
    new_version: str
    added: list[str]
    removed: list[str]
    changed: list[str]
    known: bool  # False: the profile did not record its checklist, so what changed cannot be said
    older: bool = False  # the guide of this instapgids is older than the one the profile was saved with


def _version_key(version: str) -> tuple[int, ...] | None:
    """'1.03' as (1, 3) to compare versions; None for a version that is not numbers and dots."""
    parts = version.strip().split(".")
    return tuple(int(p) for p in parts) if all(p.isdecimal() and p.isascii() and len(p) < 9 for p in parts) else None


def guide_change(content: Content, profile: Profile) -> GuideChange | None:
    """The changes for this profile when it was last written with another guide version, else None."""
    new_version = content.guide.guide.version
    if not profile.guide_version or profile.guide_version == new_version:
        return None
    now = fingerprints(content, profile)
    before = profile.checklist
    return GuideChange(
        old_version=profile.guide_version,
        new_version=new_version,
        added=[i for i in now if before and i not in before],
        removed=[i for i in before if i not in now],
        changed=[i for i in now if i in before and before[i] != now[i]],
        known=bool(before),
        older=(old := _version_key(profile.guide_version)) is not None
        and (new := _version_key(new_version)) is not None
        and old > new,
    )

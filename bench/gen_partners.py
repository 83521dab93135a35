#!/usr/bin/env python3
"""Writes a partners.csv of N invented rows (example.org addresses, Ofcom drama numbers) for the
directory benchmark. Deterministic: the same N gives the same file."""
import csv, random, sys

def main(n: int, out: str) -> None:
    rng = random.Random(n)
    types = ["police", "local-authority", "nhs", "fire-and-rescue", "charity", "faith-group", "business",
             "education", "government", "other"]
    areas = ["East Riding of Yorkshire", "Hull", "North Lincolnshire", "North East Lincolnshire"]
    words = ["Humber", "Riverside", "Northern", "Coastal", "Community", "Family", "Support", "Trust", "Group",
             "Services", "Network", "Action", "Care", "Harbour", "Wolds", "Estuary"]
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["name", "type", "areas", "website", "email", "phone", "description", "services", "languages",
                    "contact_name", "contact_phone", "contact_email"])
        for i in range(n):
            name = f"{rng.choice(words)} {rng.choice(words)} {i:05d}"
            slug = name.lower().replace(" ", "-")
            covered = "all" if i % 7 == 0 else "; ".join(sorted(rng.sample(areas, rng.randint(1, 3))))
            w.writerow([name, rng.choice(types), covered, f"https://{slug}.example.org/", f"info@{slug}.example.org",
                        f"01632 960{i % 1000:03d}", f"Works with people at risk of exploitation, {rng.choice(words).lower()} and more.",
                        "Advice; Referrals; Training", "English; Polish", f"Private Contact {i}", f"07700 900{i % 1000:03d}",
                        f"spoc-private-{i}@{slug}.example.org"])

if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2])

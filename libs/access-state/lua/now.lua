-- The script clock's `now` (Redis TIME plus the offset in ARGV[1]), for callers that must name the
-- current day or month exactly as the admission script will (unlock waivers, rebuilds).
return clockNow()

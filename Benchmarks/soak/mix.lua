-- wrk script for Benchmarks/soak.sh: logged-in GETs of the year's pages and the API, and every
-- tenth request a form POST (a steering signal, with the session's CSRF token). Settings from the
-- environment: SOAK_SESSION, SOAK_CSRF, SOAK_TOKEN.
local session = os.getenv("SOAK_SESSION")
local csrf = os.getenv("SOAK_CSRF")
local token = os.getenv("SOAK_TOKEN")
local pages = {
  "/", "/organisasjoner/UKE/ar/2020", "/organisasjoner/UKE/indikatorer/2020", "/organisasjoner/UKE/budsjett/2020",
  "/organisasjoner/UKE/arsberetning/2020", "/organisasjoner/UKE/regnskapsrapport/2020?periode=t2",
}
local api = { "/api/v1/organisations/UKE/indicators/2020", "/api/v1/organisations/UKE/accounts/2020" }
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  thread_id = id
end

request = function()
  counter = counter + 1
  if counter % 10 == 0 then
    local body = "_csrf=" .. csrf .. "&tekst=Soak+" .. thread_id .. "-" .. counter ..
      "&gitt_av=Soak&dato=15.03.2021&opphav=other&sted=Telefon&mote="
    return wrk.format("POST", "/organisasjoner/UKE/signaler/ny",
      { ["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = "styr_session=" .. session }, body)
  elseif counter % 10 == 5 then
    return wrk.format("GET", api[math.floor(counter / 10) % #api + 1], { ["Authorization"] = "Bearer " .. token })
  end
  return wrk.format("GET", pages[counter % #pages + 1], { ["Cookie"] = "styr_session=" .. session })
end

-- The warehouse: DuckDB, written only by the loader (python -m etl load).
-- Layers (dbt style): ref_* (project reference tables, from etl/reference/*.csv),
-- stg_* (one table per contract sheet: only renames and casts, plus lineage), meta_* (load bookkeeping), and the
-- marts, the only thing metrics/, ui/, report/ and pages/ read (tests/test_layers.py): fct_* (facts: views that join
-- staging to its context, and the load runs) and dim_* (dimensions: reference tables, questions, respondents,
-- files in force). Every mart column is described with its unit in etl/marts.py (a test holds it to the views);
-- the loader's data tests cover the marts' keys, not-nulls, accepted values and relationships after each build.
-- The stg_* tables are not here: etl/staging.py generates them from the data contract (etl/contract.py)
-- and etl/schema.py runs that DDL before this file. This file keeps what the contract cannot say.
-- Every stg_* row carries its lineage: _bestand (file path relative to the raw folder), _blad (sheet
-- name as delivered), _rij (1-based Excel row number in that sheet).

-- ---------------------------------------------------------------- reference
CREATE TABLE ref_gemeente (
    code            VARCHAR PRIMARY KEY,   -- CBS code GMxxxx
    naam            VARCHAR NOT NULL,      -- official name
    regio           VARCHAR NOT NULL,      -- Kempen | Peelland | Kempen-neighbour
    lat             DOUBLE,                -- centroid, WGS84 degrees
    lon             DOUBLE,                -- centroid, WGS84 degrees
    x_km            DOUBLE,                -- centroid east of 5.45 E, km (flat plane: equirectangular at 51.45 N)
    y_km            DOUBLE,                -- centroid north of 51.45 N, km (same plane; for maps without a base map)
    oppervlakte_km2 DOUBLE,                -- total area, km2
    inwoners        INTEGER,               -- population on 1 January of inwoners_jaar
    inwoners_jaar   INTEGER,               -- year of the population count (2023)
    grenst_aan_belgie BOOLEAN,             -- shares a border with Belgium
    grens_belgie_km DOUBLE                 -- length of the border with Belgium, km (0: none)
);
CREATE TABLE ref_grens (
    code_a VARCHAR, naam_a VARCHAR, code_b VARCHAR, naam_b VARCHAR,
    grenslengte_km DOUBLE                  -- shared border, km (>= 0.1 km counts as bordering)
);
CREATE TABLE ref_partner (
    code  VARCHAR PRIMARY KEY,             -- partner code used everywhere (GEMEENTE, POLITIE, AVIM, UWV ...)
    naam  VARCHAR NOT NULL,                -- display name (Dutch)
    soort VARCHAR NOT NULL                 -- gemeente | politie | rijk | veiligheidsregio | ...
);
CREATE TABLE ref_team (
    code VARCHAR PRIMARY KEY,              -- KIT-pilot | KIT | PIT
    naam VARCHAR NOT NULL,
    regio VARCHAR NOT NULL,
    periode_start DATE NOT NULL,           -- first day of the team's period (inclusive)
    periode_eind DATE NOT NULL,            -- last day (inclusive); for an ongoing team (stg_teams) the load date
    bron_periode VARCHAR                   -- where the period comes from
);
CREATE TABLE ref_thema (code VARCHAR PRIMARY KEY, naam VARCHAR NOT NULL);
CREATE TABLE ref_benchmark (               -- published figures of other teams (HAM/KIT evaluation §6.2.3): no rows
    id VARCHAR PRIMARY KEY,
    team VARCHAR NOT NULL,                 -- the team or project as named in the source
    periode VARCHAR NOT NULL,              -- its period as printed ("niet genoemd" when the source gives none)
    gemeenten VARCHAR,                     -- municipalities named, "; " separated
    aantal_gemeenten INTEGER,              -- how many municipalities are named
    soort VARCHAR NOT NULL,                -- aantal (a count) | jaartal (a year) | geen (no figure printed)
    wat VARCHAR NOT NULL,                  -- what was counted
    waarde_laag DOUBLE,                    -- the printed value (low end of a range); NULL when none is printed
    waarde_hoog DOUBLE,                    -- high end of a range (= waarde_laag for a single value)
    gedrukt VARCHAR,                       -- the value with its qualifier as printed ("350 tot 400")
    bron VARCHAR NOT NULL,                 -- where the figure is printed
    opmerking VARCHAR                      -- what the figure allows and does not allow
);
CREATE TABLE ref_bevindingcategorie (
    code  VARCHAR PRIMARY KEY,             -- category as stored in stg_bevindingen.categorie
    naam  VARCHAR NOT NULL,                -- display label
    groep VARCHAR NOT NULL                 -- coarse group: BRP, ruimtelijk, brandveiligheid, milieu, arbeid, sociale zekerheid, energie, politie, overig
);

-- ---------------------------------------------------------------- load bookkeeping
CREATE TABLE meta_bestand (               -- one row per raw file currently in force
    bestand VARCHAR PRIMARY KEY,           -- path relative to the raw folder
    soort VARCHAR NOT NULL,                -- contract kind
    mapping VARCHAR NOT NULL,              -- mapping name used
    sha256 VARCHAR NOT NULL,
    geladen_op TIMESTAMP NOT NULL,         -- when this version was loaded
    rijen INTEGER NOT NULL                 -- rows loaded over all sheets
);
CREATE TABLE meta_teruggezet (            -- files put back to an archived version (python -m etl rollback)
    bestand VARCHAR PRIMARY KEY,
    sha256 VARCHAR NOT NULL,               -- the archived version in force
    ruwe_sha256 VARCHAR NOT NULL,          -- the raw file at rollback time; loads skip it until it changes
    teruggezet_op TIMESTAMP NOT NULL
);
CREATE TABLE meta_sleutel (               -- fingerprint of the pseudonym key this warehouse was built with
    vingerafdruk VARCHAR NOT NULL,         -- etl.pseudonym.fingerprint (does not reveal the key)
    vastgelegd_op TIMESTAMP NOT NULL
);
CREATE TABLE meta_ruw_verwijderd (        -- raw workbooks removed after their term (python -m etl retention)
    bestand VARCHAR PRIMARY KEY,           -- its rows stay in force; loads keep them while the file is absent
    sha256 VARCHAR NOT NULL,               -- the version in force when the workbook was removed
    verwijderd_op TIMESTAMP NOT NULL
);
CREATE TABLE meta_bewaartermijn (         -- what each retention run removed or anonymised
    uitgevoerd_op TIMESTAMP NOT NULL,
    wat VARCHAR NOT NULL,                  -- persoonsgegevens | ruw_bestand | archiefversie
    onderwerp VARCHAR NOT NULL,            -- table and year, raw file, or file and sha256
    aantal INTEGER NOT NULL                -- rows anonymised (persoonsgegevens), else 1
);
CREATE TABLE meta_marts (                  -- the materialised fact marts' last refresh (etl/refresh.py)
    ververst_op TIMESTAMP NOT NULL,         -- when the marts were last brought up to date
    volledig BOOLEAN NOT NULL               -- that refresh recomputed every row (else: what a load touched)
);
CREATE TABLE meta_marts_referentie (       -- the reference values the materialised marts copied, at that refresh
    tabel VARCHAR NOT NULL, code VARCHAR NOT NULL, waarde VARCHAR NOT NULL
);
CREATE TABLE meta_laadronde (             -- one row per file per load run (history)
    run_id VARCHAR NOT NULL,
    gestart_op TIMESTAMP NOT NULL,
    bestand VARCHAR NOT NULL,
    status VARCHAR NOT NULL,               -- geladen | ongewijzigd | afgewezen | verwijderd
    rijen INTEGER NOT NULL,                -- rows loaded (0 when rejected)
    afgewezen INTEGER NOT NULL,            -- number of problems found
    melding VARCHAR                        -- summary (Dutch)
);
CREATE TABLE meta_afwijzing (             -- every problem found, per file per run
    run_id VARCHAR NOT NULL,
    bestand VARCHAR NOT NULL,
    blad VARCHAR, rij INTEGER, kolom VARCHAR, waarde VARCHAR,
    regel VARCHAR NOT NULL,                -- rule broken (short code)
    melding VARCHAR NOT NULL               -- message (Dutch), names file, sheet, row, column, value, rule
);

-- ---------------------------------------------------------------- marts: facts
-- The large fact marts are tables, materialised by the loader (etl/refresh.py) from the table macros int_fct_*
-- below: int_fct_x(bron) computes the mart rows of the driving rows in the table named `bron` (staging rows, or
-- a temporary table holding the rows a load touched), so that one definition serves the full build
-- (bron = the staging table) and the incremental refresh of what a load touched. A macro reads the marts
-- materialised before it (a visit reads its evening's fct_controleavond row), never a view of a view, so a
-- metric reads one table instead of paying for the joins on every query.
CREATE MACRO int_fct_controleavond(bron) AS TABLE
SELECT c.controleavond_id, c.datum, date_trunc('month', c.datum)::DATE AS maand, c.team,
       c.gemeente_code, g.naam AS gemeente, c.thema, c.aantal_deelnemers,
       coalesce(d.n, 0) AS aantal_partners,   -- partners present (stg_deelname rows), count
       coalesce(b.n, 0) AS aantal_bezoeken    -- visits (stg_bezoeken rows), count
FROM query_table(bron) c JOIN ref_gemeente g ON g.code = c.gemeente_code
LEFT JOIN (SELECT controleavond_id, count(*) AS n FROM stg_deelname
           WHERE controleavond_id IN (SELECT controleavond_id FROM query_table(bron)) GROUP BY 1) d
       USING (controleavond_id)
LEFT JOIN (SELECT controleavond_id, count(*) AS n FROM stg_bezoeken
           WHERE controleavond_id IN (SELECT controleavond_id FROM query_table(bron)) GROUP BY 1) b
       USING (controleavond_id);
CREATE TABLE fct_controleavond AS SELECT * FROM int_fct_controleavond('stg_controleavonden') LIMIT 0;

CREATE MACRO int_fct_deelname(bron) AS TABLE
SELECT d.controleavond_id, d.partner, p.naam AS partner_naam, p.soort AS partner_soort,
       c.datum, c.maand, c.team, c.gemeente_code, c.gemeente, c.thema
FROM query_table(bron) d JOIN ref_partner p ON p.code = d.partner
JOIN fct_controleavond c USING (controleavond_id);
CREATE TABLE fct_deelname AS SELECT * FROM int_fct_deelname('stg_deelname') LIMIT 0;

CREATE MACRO int_fct_bezoek(bron) AS TABLE
SELECT b.bezoek_id, b.controleavond_id, c.datum, c.maand, c.team, c.gemeente_code, c.gemeente, c.thema,
       b.object_type, b.pc4, b.adres_pseudoniem, b.eigenaar_pseudoniem, b.aantal_personen
FROM query_table(bron) b JOIN fct_controleavond c USING (controleavond_id);
CREATE TABLE fct_bezoek AS SELECT * FROM int_fct_bezoek('stg_bezoeken') LIMIT 0;

CREATE MACRO int_fct_persoon(bron) AS TABLE
SELECT p.persoon_id, p.bezoek_id, p.naam_pseudoniem, p.nationaliteit, p.huurovereenkomst, p.huur_per_maand,
       p.huur_betaalwijze, p.ingeschreven_brp, p.verblijfsduur_maanden, p.uitzendbureau, p.zorgverzekering,
       b.controleavond_id, b.datum, b.maand, b.team, b.gemeente_code, b.gemeente, b.thema, b.object_type
FROM query_table(bron) p JOIN fct_bezoek b USING (bezoek_id);
CREATE TABLE fct_persoon AS SELECT * FROM int_fct_persoon('stg_personen') LIMIT 0;

CREATE MACRO int_fct_bevinding(bron) AS TABLE
SELECT f.bevinding_id, f.bezoek_id, f.persoon_id, f.categorie, k.naam AS categorie_naam, k.groep,
       f.overtreding, f.partner, f.toelichting,
       b.controleavond_id, b.datum, b.maand, b.team, b.gemeente_code, b.gemeente, b.thema, b.object_type,
       b.aantal_personen AS personen_op_bezoek
FROM query_table(bron) f JOIN fct_bezoek b USING (bezoek_id)
LEFT JOIN ref_bevindingcategorie k ON k.code = f.categorie;
CREATE TABLE fct_bevinding AS SELECT * FROM int_fct_bevinding('stg_bevindingen') LIMIT 0;

CREATE MACRO int_fct_overtreding(bron) AS TABLE  -- bron: fct_bevinding rows; followed up = at least one step
SELECT f.*, o.bevinding_id IS NOT NULL AS opgevolgd
FROM query_table(bron) f
LEFT JOIN (SELECT DISTINCT bevinding_id FROM stg_opvolging
           WHERE bevinding_id IN (SELECT bevinding_id FROM query_table(bron) WHERE overtreding)) o
       USING (bevinding_id)
WHERE f.overtreding;
CREATE TABLE fct_overtreding AS SELECT * FROM int_fct_overtreding('fct_bevinding') LIMIT 0;

CREATE MACRO int_fct_opvolging(bron) AS TABLE
SELECT o.opvolging_id, o.bevinding_id, o.controleavond_id, o.organisatie, o.afdeling, o.soort, o.datum_start,
       o.deadline, o.status, o.datum_gesloten, o.resultaat,
       coalesce(f.team, c.team) AS team, coalesce(f.gemeente_code, c.gemeente_code) AS gemeente_code,
       coalesce(f.gemeente, c.gemeente) AS gemeente, f.categorie, f.overtreding,
       c.controleavond_id AS avond_id,          -- the control evening followed up (the violation's, else the step's own)
       c.datum AS avond_datum,                  -- date of that control evening
       p.naam AS organisatie_naam,              -- display name of the responsible organisation
       f.categorie_naam                         -- display name of the violation's category (NULL: whole action)
FROM query_table(bron) o
LEFT JOIN fct_bevinding f USING (bevinding_id)
LEFT JOIN fct_controleavond c ON c.controleavond_id = coalesce(f.controleavond_id, o.controleavond_id)
LEFT JOIN ref_partner p ON p.code = o.organisatie;
CREATE TABLE fct_opvolging AS SELECT * FROM int_fct_opvolging('stg_opvolging') LIMIT 0;

CREATE MACRO int_fct_partnerresultaat(bron) AS TABLE
SELECT r.resultaat_id, r.team, r.partner, r.controleavond_id, r.soort, r.aantal, r.hoeveelheid, r.eenheid,
       r.bedrag_eur, r.datum, p.naam AS partner_naam, c.gemeente_code, c.gemeente
FROM query_table(bron) r JOIN ref_partner p ON p.code = r.partner
LEFT JOIN fct_controleavond c USING (controleavond_id);
CREATE TABLE fct_partnerresultaat AS SELECT * FROM int_fct_partnerresultaat('stg_partnerresultaten') LIMIT 0;

CREATE MACRO int_fct_signaal(bron) AS TABLE
SELECT s.signaal_id, s.datum, s.team, s.gemeente_code, s.bron_partner, s.thema, s.adres_pseudoniem, s.pc4,
       s.casustafel_datum, s.uitkomst, s.controleavond_id, g.naam AS gemeente, p.naam AS bron_partner_naam
FROM query_table(bron) s JOIN ref_gemeente g ON g.code = s.gemeente_code
JOIN ref_partner p ON p.code = s.bron_partner;
CREATE TABLE fct_signaal AS SELECT * FROM int_fct_signaal('stg_signalen') LIMIT 0;

CREATE VIEW fct_antwoord AS
SELECT a.respondent_id, a.vraag_nr, v.vraag, a.antwoord, a.code, a.codeur,
       r.team, r.organisatie, r.rol, r.gemeente_code, r.mee_op_controleavond
FROM stg_antwoorden a JOIN stg_respondenten r USING (respondent_id)
JOIN stg_vragen v USING (vraag_nr);

CREATE VIEW dim_codeur AS                  -- one row per coder named in an interview workbook (Codeurs sheet)
SELECT c.team, c.codeur,
       c.primair = 'ja' AS primair,        -- the team's primary coder: the published §6.2.1 counts use their codes
       coalesce(n.antwoorden, 0) AS antwoorden  -- answers (respondent and question) this coder coded [answers]
FROM stg_codeurs c
LEFT JOIN (SELECT a.codeur, r.team, count(*) AS antwoorden
           FROM stg_antwoorden a JOIN stg_respondenten r USING (respondent_id)
           GROUP BY a.codeur, r.team) n ON n.codeur = c.codeur AND n.team = c.team;

CREATE VIEW fct_team_gemeente AS           -- one row per team and municipality where it held control evenings
SELECT team, gemeente_code, count(*) AS controleavonden, min(datum) AS eerste_avond, max(datum) AS laatste_avond
FROM stg_controleavonden GROUP BY team, gemeente_code;

CREATE VIEW fct_interventie AS             -- one row per intervention: the treatment area and its window
SELECT i.interventie_id, i.team, i.gemeente_code, g.naam AS gemeente, g.regio,
       i.datum_start,                      -- first day (inclusive)
       i.datum_eind,                       -- last day (inclusive); NULL: still running
       i.thema, t.naam AS thema_naam, i.omschrijving
FROM stg_interventies i JOIN ref_gemeente g ON g.code = i.gemeente_code
LEFT JOIN ref_thema t ON t.code = i.thema;

-- ---------------------------------------------------------------- marts: dimensions
CREATE VIEW dim_gemeente AS
SELECT code, naam, regio, lat, lon, x_km, y_km, oppervlakte_km2, inwoners, inwoners_jaar, grenst_aan_belgie,
       grens_belgie_km
FROM ref_gemeente;

CREATE VIEW dim_grens AS
SELECT code_a, naam_a, code_b, naam_b, grenslengte_km FROM ref_grens;

CREATE VIEW dim_partner AS
SELECT code, naam, soort FROM ref_partner;

CREATE VIEW dim_team AS                    -- with the dates its data covers, from staging (not the fact marts:
SELECT t.code, t.naam, t.regio, t.periode_start, t.periode_eind, t.bron_periode,  -- the sidebar reads these)
       d.data_start, d.data_eind
FROM ref_team t LEFT JOIN (
    SELECT team, min(datum) AS data_start, max(datum) AS data_eind
    FROM (SELECT team, datum FROM stg_controleavonden UNION ALL SELECT team, datum FROM stg_signalen
          UNION ALL SELECT team, datum FROM stg_partnerresultaten)
    GROUP BY team
) d ON d.team = t.code;

CREATE VIEW dim_thema AS
SELECT code, naam FROM ref_thema;

CREATE VIEW dim_bevindingcategorie AS
SELECT code, naam, groep FROM ref_bevindingcategorie;

CREATE VIEW dim_benchmark AS
SELECT id, team, periode, gemeenten, aantal_gemeenten, soort, wat, waarde_laag, waarde_hoog, gedrukt, bron, opmerking
FROM ref_benchmark;

CREATE VIEW dim_vraag AS                   -- interview questions with definition and codebook
SELECT vraag_nr, vraag, definitie, codeboek_positief, codeboek_negatief, codeboek_neutraal FROM stg_vragen;

CREATE VIEW dim_respondent AS              -- project participants (interviewed or not); no names
SELECT respondent_id, team, organisatie, rol, gemeente_code, mee_op_controleavond, geinterviewd
FROM stg_respondenten;

CREATE VIEW dim_bestand AS                 -- raw files in force
SELECT bestand, soort, mapping, sha256, geladen_op, rijen FROM meta_bestand;

-- ---------------------------------------------------------------- marts: load runs
CREATE VIEW fct_laadronde AS               -- one row per file per load run
SELECT run_id, gestart_op, bestand, status, rijen, afgewezen, melding FROM meta_laadronde;

CREATE VIEW fct_afwijzing AS               -- every problem found, per file per run
SELECT run_id, bestand, blad, rij, kolom, waarde, regel, melding FROM meta_afwijzing;
-- fct_geladen_rijen (rows in the warehouse per file and sheet) is generated from the contract (etl/staging.py).

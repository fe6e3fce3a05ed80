// Medical vocabulary the general English dictionary lacks (checked against dictionary-en 4.0.0: every word
// here was reported as misspelled by it). Lower case; the spell rule compares case-insensitively and also
// accepts simple plurals/possessives of these. Editors add project-specific words in the app
// (DictionaryWord); this list is for terms any health publisher uses.
export const MEDICAL_WORDS: readonly string[] = `
abscess acetaminophen adenoma adenopathy adrenal aetiology alopecia amyloidosis anaemia anaphylaxis
analgesic analgesics aneurysm angiography angioplasty antibiotic antibiotics anticoagulant anticoagulants
antiemetic antifungal antihistamine antihistamines antiinflammatory antiviral aorta aortic apnoea apnea
arrhythmia arteriosclerosis arthralgia arthroscopy ascites asymptomatic atherosclerosis atrial atrophy
autoantibodies autoantibody autoimmune benign biopsies biopsy bisphosphonate bisphosphonates bradycardia
bronchiectasis bronchiolitis bronchitis bursitis calcification calcifications calcinosis calcinoses
calcinotic calciphylaxis carcinoma cardiomyopathy cartilage cellulitis cerebrovascular chemotherapy
cholecystitis cholesterol chronic cirrhosis colchicine colitis comorbidities comorbidity computed
corticosteroid corticosteroids creatinine cutis cyanosis cystitis cytokine cytokines dermatitis
dermatologist dermatologists dermatology dermatomyositis dermis diltiazem diuretic diuretics diverticulitis
dyspepsia dysphagia dyspnoea dyspnea dystrophic dysuria echocardiogram eczema edema oedema electrolyte
electrolytes embolism encephalitis endocrine endocrinologist endometriosis endoscopy eosinophil
epidermal epidermis epidemiology erythema etiology excision excisional fibromyalgia fibrosis fistula
gastroenteritis gastrointestinal gastroesophageal gastroenterologist genitourinary glomerular
glomerulonephritis glycaemic glycemic haematoma hematoma haemoglobin hemoglobin haemorrhage hemorrhage
hepatic hepatitis histology histopathology hydroxyapatite hypercalcaemia hypercalcemia hyperlipidaemia
hyperlipidemia hyperparathyroidism hyperphosphataemia hyperphosphatemia hypertension hyperthyroidism
hypocalcaemia hypocalcemia hypoglycaemia hypoglycemia hypotension hypothyroidism iatrogenic ibuprofen
idiopathic immunocompromised immunoglobulin immunosuppressant immunosuppressants immunosuppression
immunosuppressive infarction inflammatory intramuscular intravenous ischaemia ischemia ischemic ischaemic
keratosis lesion lesions leukaemia leukemia lipoma lupus lymphadenopathy lymphoma malabsorption
malignancy malignant medlineplus melanoma meningitis metabolic metastases metastasis metastatic
microbiome milia morphea musculoskeletal myalgia myocardial myositis necrosis necrotic nephrologist
nephropathy neuropathy neutropenia nodular nodule nodules nonsteroidal nsaid nsaids oncologist oncology
ophthalmologist osteoarthritis osteomyelitis osteoporosis palliative palpable palpitations pancreatitis
papule papules paraesthesia paresthesia parathyroid pathogen pathogens pathological pathology perioperative
peritoneal pharmacist phosphate phosphates photosensitivity pilomatricoma placebo pneumonia polymyositis
postoperative preoperative prognosis prophylactic prophylaxis pruritus psoriasis pulmonary pustule pustules
radiograph radiographs radiography radiologist radiotherapy raynaud raynauds recurrence renal
rheumatoid rheumatologist rheumatology sarcoidosis scleroderma sclerosis sepsis septicaemia septicemia
seropositive sodium statin statins stenosis steroid steroids subcutaneous subcutaneously systemic
tachycardia tendinitis tendonitis thiosulfate thrombosis thyroid topical topically toxicity
tuberculosis tumour tumours tumor tumors ulcer ulcerate ulcerated ulcerating ulceration ulcerations
ulcers ultrasound urticaria varicose vascular vasculitis vitamin warfarin xray
`
  .split(/\s+/)
  .filter(Boolean);

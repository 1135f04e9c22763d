fn main() {
    studyplan_app::run()
}
